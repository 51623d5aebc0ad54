namespace Polycrate.Build.FrontEndTests;

/// <summary>The Cake addin and the CLI tool in a fresh feed, as a user's repository consumes them.</summary>
public sealed class AddinFeedFixture : PackageFeedFixture
{
    private const string Cli = "src/Polycrate.Build.Cli/Polycrate.Build.Cli.csproj";

    protected override IReadOnlyList<string> Projects => ["src/Cake.Polycrate/Cake.Polycrate.csproj", Cli];

    /// <summary>The tool's native linux-x64 package: what `dotnet tool restore` installs here.</summary>
    protected override IReadOnlyList<string> NativeToolRuntimeIdentifiers(string project) => project == Cli ? ["linux-x64"] : [];
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
