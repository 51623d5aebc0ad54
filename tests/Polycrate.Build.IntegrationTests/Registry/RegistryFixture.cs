using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>
/// Starts (or reuses) the three local registries through eng/start-registry.sh and runs the token server.
/// A missing docker-registry or a failing script fails every test of the collection; nothing is skipped.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    internal RegistryEnvironment Environment { get; private set; } = null!;

    internal TokenServer Tokens { get; private set; } = null!;

    public string Anonymous => $"127.0.0.1:{Environment.AnonymousPort}";

    public string Basic => $"127.0.0.1:{Environment.BasicPort}";

    public string Token => $"127.0.0.1:{Environment.TokenPort}";

    public async Task InitializeAsync()
    {
        var script = Path.Combine(Testing.RepositoryRoot.Path, "eng", "start-registry.sh");
        Environment = RegistryEnvironment.Parse(await Tool.RunAsync("bash", script));
        Tokens = new TokenServer(Environment);
    }

    public Task DisposeAsync()
    {
        Tokens.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client whose only credentials are <paramref name="password"/> for the test user (or none).</summary>
    internal RegistryClient Client(string? password = null, string? username = null)
    {
        var variables = new Dictionary<string, string>();
        if (password is not null)
        {
            variables[RegistryAuthOptions.UsernameVariable] = username ?? Environment.Username;
            variables[RegistryAuthOptions.PasswordVariable] = password;
        }

        var emptyDockerConfig = Path.Combine(Path.GetTempPath(), "pcb-no-docker-config");
        return new RegistryClient(new RegistryClientOptions { Auth = RegistryAuthOptions.FromVariables(variables, emptyDockerConfig) });
    }

    /// <summary>A repository name no other test uses.</summary>
    public static string UniqueRepository(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}
