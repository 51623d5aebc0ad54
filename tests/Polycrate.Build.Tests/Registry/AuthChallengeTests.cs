using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Tests.Registry;

public class AuthChallengeTests
{
    [Fact]
    public void Parses_bearer_challenge_with_commas_inside_quotes()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Service);
        Assert.Equal("repository:a/b:pull,push", challenge.Scope);
    }

    [Fact]
    public void Parses_basic_challenge_and_unquoted_values()
    {
        var challenge = AuthChallenge.Parse("Basic realm=polycrate-test, charset=\"UTF-8\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBasic);
        Assert.Equal("polycrate-test", challenge.Realm);
        Assert.Equal("UTF-8", challenge.Parameters["charset"]);
    }

    [Fact]
    public void Unescapes_quoted_pairs()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"a\\\"b\"");

        Assert.Equal("a\"b", challenge!.Realm);
    }
}
