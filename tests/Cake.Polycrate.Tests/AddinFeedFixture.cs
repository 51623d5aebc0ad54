namespace Polycrate.Build.FrontEndTests;

/// <summary>The Cake addin and the CLI tool in a fresh feed, as a user's repository consumes them.</summary>
public sealed class AddinFeedFixture : PackageFeedFixture
{
    private const string Cli = "src/Polycrate.Build.Cli/Polycrate.Build.Cli.csproj";

    protected override IReadOnlyList<string> Projects => ["src/Cake.Polycrate/Cake.Polycrate.csproj", Cli];

    /// <summary>The tool's native linux-x64 package: what `dotnet tool restore` installs here.</summary>
    protected override IReadOnlyList<string> NativeToolRuntimeIdentifiers(string project) => project == Cli ? ["linux-x64"] : [];

    /// <summary>
    /// A private packages folder and CLI home: `dotnet tool restore` caches where a tool package lives in
    /// ~/.dotnet/toolResolverCache, which would point at an earlier test run's deleted packages folder.
    /// </summary>
    internal Dictionary<string, string> Environment() => new()
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_CLI_HOME"] = CliHome,
        ["CI"] = "true",
    };

    /// <summary>Points <paramref name="workspace"/> at this feed and restores the nightly sample's local tools (Cake, polycrate-build) there.</summary>
    internal async Task RestoreToolsAsync(TestWorkspace workspace)
    {
        workspace.UseFeed(Feed);
        workspace.Write(".config/dotnet-tools.json", File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "nightly-maintenance", ".config", "dotnet-tools.json")));
        var restore = await DotnetCommand.RunAsync(workspace.Root, ["tool", "restore"], Environment(), TimeSpan.FromMinutes(5));
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    /// <summary><c>dotnet cake build.cake ARGUMENTS</c> in <paramref name="workspace"/> (eight minutes at most).</summary>
    internal Task<CommandResult> CakeAsync(TestWorkspace workspace, params string[] arguments) =>
        DotnetCommand.RunAsync(workspace.Root, ["cake", "build.cake", .. arguments], Environment(), TimeSpan.FromMinutes(8));
}

/// <summary>
/// Every test of the project; never in parallel with another collection, since the sample-target runs use the fixed
/// ports of eng/samples/start-targets.sh.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AddinCollection : ICollectionFixture<AddinFeedFixture>
{
    public const string Name = "Cake.Polycrate from a feed";
}
