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
    /// RIDs of a RID-specific tool (.NET 10) whose package is native AOT. Such a tool packs with a build (its RID-less pack
    /// publishes every RID, which the test project's RID-less build does not produce), then each of these RIDs is packed
    /// again on its own, which is what compiles it natively.
    /// </summary>
    protected virtual IReadOnlyList<string> NativeToolRuntimeIdentifiers(string project) => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in Projects)
        {
            var result = await DotnetCommand.RunAsync(RepositoryPaths.Root,
                ["pack", RepositoryPaths.Project(project), "-c", Configuration, .. NativeToolRuntimeIdentifiers(project).Count > 0 ? Array.Empty<string>() : ["--no-build"], "-o", Feed],
                timeout: TimeSpan.FromMinutes(15));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"packing {project} failed, {result}");
            }

            foreach (var rid in NativeToolRuntimeIdentifiers(project))
            {
                var native = await DotnetCommand.RunAsync(RepositoryPaths.Root,
                    ["pack", RepositoryPaths.Project(project), "-c", Configuration, "-r", rid, "-o", Feed], timeout: TimeSpan.FromMinutes(15));
                if (native.ExitCode != 0)
                {
                    throw new InvalidOperationException($"packing {project} for {rid} failed, {native}");
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
