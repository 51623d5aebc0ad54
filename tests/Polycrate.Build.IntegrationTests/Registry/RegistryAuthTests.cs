using Polycrate.Build.Registry;

namespace Polycrate.Build.IntegrationTests.Registry;

[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RegistryAuthTests(RegistryFixture registry)
{
    [Fact]
    public async Task Anonymous_registry_needs_no_credentials()
    {
        using var client = registry.Client();

        await client.PingAsync(registry.Anonymous, default);
    }

    [Fact]
    public async Task Basic_auth_round_trip_with_good_credentials()
    {
        using var client = registry.Client(registry.Environment.Password);

        await PushAndPullAsync(client, registry.Basic);
    }

    [Fact]
    public async Task Token_auth_round_trip_reuses_tokens_per_scope()
    {
        using var client = registry.Client(registry.Environment.Password);
        var before = registry.Tokens.TokensIssued;

        await PushAndPullAsync(client, registry.Token);

        // One token for the pull scope (tag lookup) and one for pull,push serve the whole push of two blobs
        // and a manifest; the pull reuses the pull-scope token. Without reuse it would be dozens.
        Assert.InRange(registry.Tokens.TokensIssued - before, 2, 3);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("token")]
    public async Task Bad_credentials_give_a_clear_unauthorized_error_without_the_password(string mode)
    {
        const string wrong = "definitely-not-the-password";
        using var client = registry.Client(wrong);
        var host = mode == "basic" ? registry.Basic : registry.Token;

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PingAsync(host, default));

        Assert.True(error.IsUnauthorized, error.Message);
        Assert.Equal("PCB4000", error.Code);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("UNAUTHORIZED", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker login", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(registry.Environment.Password, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("token")]
    public async Task Missing_credentials_tell_how_to_provide_them(string mode)
    {
        using var client = registry.Client();
        var reference = ImageReference.Parse($"{(mode == "basic" ? registry.Basic : registry.Token)}/nobody/here:1.0.0");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(reference, default));

        Assert.True(error.IsUnauthorized, error.Message);
        Assert.Contains("POLYCRATE_REGISTRY_USERNAME", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tag_reports_the_registry_error_code_method_and_uri()
    {
        using var client = registry.Client();
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("missing")}:9.9.9");

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(reference, default));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("GET", error.Message, StringComparison.Ordinal);
        Assert.Contains($"/v2/{reference.Repository}/manifests/9.9.9", error.Message, StringComparison.Ordinal);
    }

    private static async Task PushAndPullAsync(RegistryClient client, string host)
    {
        using var block = new TestBlock();
        using var target = new TestBlock();
        var reference = ImageReference.Parse($"{host}/{RegistryFixture.UniqueRepository("auth")}:1.0.0");

        var pushed = await new BlockPublisher(client).PushAsync(new PushOptions(reference, block.Path, "1.0.0"), default);
        var pulled = await new BlockPuller(client).PullAsync(new PullOptions(reference, Path.Combine(target.Path, "b")), default);

        Assert.Equal(pushed.Digest, pulled.Digest);
        Assert.Equal(block.Read("block.poly"), target.Read("b/block.poly"));
    }
}
