using System.Text;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Tests.Registry;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class CredentialResolverTests
{
    [Fact]
    public async Task Reads_base64_auth_and_username_password_entries()
    {
        using var config = new TempDirectory();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cr:et"));
        config.Write("config.json", $$"""
            {"auths": {
              "https://registry.example.com/v1/": {"auth": "{{auth}}"},
              "other.example.com:5000": {"username": "bob", "password": "pw"}
            }
            }
            """);
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), config.Path));

        var alice = await resolver.ResolveAsync("registry.example.com", default);
        var bob = await resolver.ResolveAsync("other.example.com:5000", default);
        var none = await resolver.ResolveAsync("unknown.example.com", default);

        Assert.Equal(("alice", "s3cr:et"), (alice!.Username, alice.Password));
        Assert.Equal(("bob", "pw"), (bob!.Username, bob.Password));
        Assert.Null(none);
        Assert.DoesNotContain("s3cr:et", alice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Honours_DOCKER_CONFIG()
    {
        using var config = new TempDirectory();
        config.Write("config.json", """{"auths": {"r.example.com": {"username": "u", "password": "p"}}}""");
        var env = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config.Path, ["HOME"] = "/nonexistent" };
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(env, null));

        Assert.Equal("u", (await resolver.ResolveAsync("r.example.com", default))?.Username);
    }

    [Fact]
    public async Task Runs_credential_helpers_with_the_server_on_stdin()
    {
        using var config = new TempDirectory();
        using var bin = new TempDirectory();
        var helper = bin.Write("docker-credential-fake", """
            #!/bin/sh
            [ "$1" = get ] || exit 2
            read server
            if [ "$server" = "helped.example.com" ]; then
              printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}' "$server"
            else
              echo "credentials not found in native keychain"; exit 1
            fi
            """);
        File.SetUnixFileMode(helper, (UnixFileMode)0x1ED);
        config.Write("config.json", """
            {"credHelpers": {"helped.example.com": "fake"},
             "credsStore": "fake",
             "auths": {"stored.example.com": {"username": "file-user", "password": "file-pw"}}}
            """);
        var env = new Dictionary<string, string> { ["PATH"] = bin.Path };
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(env, config.Path));

        var helped = await resolver.ResolveAsync("helped.example.com", default);
        var stored = await resolver.ResolveAsync("stored.example.com", default);
        var missing = await resolver.ResolveAsync("nowhere.example.com", default);

        Assert.Equal(("helper-user", "helper-secret"), (helped!.Username, helped.Password));
        Assert.Contains("docker-credential-fake", helped.Source, StringComparison.Ordinal);
        Assert.Equal("file-user", stored!.Username);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Missing_helper_is_a_clear_error_without_secrets()
    {
        using var config = new TempDirectory();
        config.Write("config.json", """{"credHelpers": {"r.example.com": "absent"}}""");
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(new Dictionary<string, string> { ["PATH"] = config.Path }, config.Path));

        var error = await Assert.ThrowsAsync<CredentialException>(() => resolver.ResolveAsync("r.example.com", default));

        Assert.Equal("PCB4006", error.Code);
        Assert.Contains("docker-credential-absent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_config_does_not_echo_its_content()
    {
        using var config = new TempDirectory();
        config.Write("config.json", """{"auths": {"r.example.com": {"auth": "not base64 TOPSECRET"}}}""");
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), config.Path));

        var error = await Assert.ThrowsAsync<CredentialException>(() => resolver.ResolveAsync("r.example.com", default));

        Assert.DoesNotContain("TOPSECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_win_and_per_host_variables_win_over_generic_ones()
    {
        using var config = new TempDirectory();
        config.Write("config.json", """{"auths": {"r.example.com:5000": {"username": "file", "password": "file"}}}""");
        var env = new Dictionary<string, string>
        {
            ["POLYCRATE_REGISTRY_USERNAME"] = "ci",
            ["POLYCRATE_REGISTRY_PASSWORD"] = "ci-pw",
            ["POLYCRATE_REGISTRY_R_EXAMPLE_COM_5000_USERNAME"] = "host",
            ["POLYCRATE_REGISTRY_R_EXAMPLE_COM_5000_PASSWORD"] = "host-pw",
        };
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(env, config.Path));

        Assert.Equal("host", (await resolver.ResolveAsync("r.example.com:5000", default))?.Username);
        Assert.Equal("ci", (await resolver.ResolveAsync("other.example.com", default))?.Username);
    }

    [Fact]
    public async Task Generic_variables_can_be_restricted_to_one_host()
    {
        var env = new Dictionary<string, string>
        {
            ["POLYCRATE_REGISTRY_USERNAME"] = "ci",
            ["POLYCRATE_REGISTRY_PASSWORD"] = "ci-pw",
            ["POLYCRATE_REGISTRY_HOST"] = "https://ci.example.com",
        };
        using var config = new TempDirectory();
        var resolver = new CredentialResolver(RegistryAuthOptions.FromVariables(env, config.Path));

        Assert.Equal("ci", (await resolver.ResolveAsync("ci.example.com", default))?.Username);
        Assert.Null(await resolver.ResolveAsync("elsewhere.example.com", default));
    }
}
