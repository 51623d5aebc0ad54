namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Packs front-end packages from this checkout into a fresh temporary feed, once per test collection, and gives the
/// tests a private NuGet packages folder, so `dotnet build` resolves the SDK exactly as a user's machine would
/// (from a feed, never from a stale cache of an earlier 0.1.0).
/// </summary>
public abstract class PackageFeedFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "polycrate-feed-" + Guid.NewGuid().ToString("N")[..10]);

    public string Feed => Path.Combine(_root, "feed");

    public string PackagesFolder => Path.Combine(_root, "packages");

    /// <summary>A private DOTNET_CLI_HOME (dotnet tool caches live there).</summary>
    public string CliHome => Path.Combine(_root, "home");

    /// <summary>
    /// Packs what the test project's build already built (the packed projects are project references of the test
    /// project), so test runs never rebuild a project concurrently with another test project.
    /// </summary>
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Projects (relative to the repository root) to pack.</summary>
    protected abstract IReadOnlyList<string> Projects { get; }

    /// <summary>
    /// RID-specific tool packages to pack besides the pointer package, per project (.NET 10 RID-specific tools). Each is
    /// published for its RID while packing (native AOT for linux-x64), which the test project's build cannot do ahead.
    /// </summary>
    protected virtual IReadOnlyList<string> ToolRuntimeIdentifiers(string project) => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in Projects)
        {
            var result = await DotnetCommand.RunAsync(RepositoryPaths.Root,
                ["pack", RepositoryPaths.Project(project), "-c", Configuration, "--no-build", "-o", Feed],
                timeout: TimeSpan.FromMinutes(8));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"packing {project} failed, {result}");
            }

            foreach (var rid in ToolRuntimeIdentifiers(project))
            {
                var ridResult = await DotnetCommand.RunAsync(RepositoryPaths.Root,
                    ["pack", RepositoryPaths.Project(project), "-c", Configuration, "-r", rid, "-o", Feed],
                    timeout: TimeSpan.FromMinutes(15));
                if (ridResult.ExitCode != 0)
                {
                    throw new InvalidOperationException($"packing {project} for {rid} failed, {ridResult}");
                }
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a build node may still hold a task assembly open.
        }

        return Task.CompletedTask;
    }
}
