namespace Polycrate.Build.FrontEndTests;

/// <summary>The Cake addin and the CLI tool in a fresh feed, as a user's repository consumes them.</summary>
public sealed class AddinFeedFixture : PackageFeedFixture
{
    protected override IReadOnlyList<string> Projects =>
        ["src/Cake.Polycrate/Cake.Polycrate.csproj", "src/Polycrate.Build.Cli/Polycrate.Build.Cli.csproj"];
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
