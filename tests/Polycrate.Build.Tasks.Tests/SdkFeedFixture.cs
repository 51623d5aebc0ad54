namespace Polycrate.Build.FrontEndTests;

/// <summary>The MSBuild SDK package (Polycrate.Build.Sdk) in a fresh feed.</summary>
public sealed class SdkFeedFixture : PackageFeedFixture
{
    protected override IReadOnlyList<string> Projects => ["src/Polycrate.Build.Tasks/Polycrate.Build.Tasks.csproj"];
}

/// <summary>
/// Every test of the project; never in parallel with another collection, since the sample-target runs use the fixed
/// ports of eng/samples/start-targets.sh.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SdkCollection : ICollectionFixture<SdkFeedFixture>
{
    public const string Name = "Polycrate.Build.Sdk from a feed";
}
