using System.Xml.Linq;
using Polycrate.Build.Testing;

namespace Polycrate.Build.Tests.Architecture;

/// <summary>
/// The rule for what users and front ends may call (docs/architecture.md, "Public surface"): every shipped library has
/// a public-API baseline, so a new public symbol fails its build (RS0016), and every public member needs a doc comment
/// (CS1591 is an error in src/; only tests and benchmarks turn it off).
/// </summary>
public sealed class PublicSurfaceFenceTests
{
    public static TheoryData<string> ShippedLibraries => new()
    {
        "src/Polycrate.Build/Polycrate.Build.csproj",
        "src/Polycrate.Build.Tasks/Polycrate.Build.Tasks.csproj",
        "src/Cake.Polycrate/Cake.Polycrate.csproj",
    };

    [Theory]
    [MemberData(nameof(ShippedLibraries))]
    public void A_shipped_library_has_a_public_api_baseline(string project)
    {
        var path = Path.Combine(RepositoryRoot.Path, project);
        var xml = XDocument.Load(path);
        var packages = xml.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include"));
        var additional = xml.Descendants("AdditionalFiles").Select(e => (string?)e.Attribute("Include")).ToList();

        Assert.Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", packages);
        foreach (var baseline in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            Assert.Contains(baseline, additional);
            var file = Path.Combine(Path.GetDirectoryName(path)!, baseline);
            Assert.True(File.Exists(file), $"{file} is missing");
            Assert.StartsWith("#nullable enable", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_doc_comments_fail_the_build_in_src()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        List<string> Property(string name) => [.. props.Descendants(name).Select(e => e.Value)];

        Assert.Contains("true", Property("GenerateDocumentationFile"));
        Assert.Contains("true", Property("TreatWarningsAsErrors"));
        Assert.DoesNotContain(Property("NoWarn"), value => value.Contains("CS1591", StringComparison.Ordinal));
        var projects = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "Directory.Build.*", SearchOption.AllDirectories));
        Assert.All(projects, file => Assert.DoesNotContain("CS1591", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_baseline_lists_no_internal_detail()
    {
        // The types these namespaces hold are internal; a public one would have to be justified by a front end.
        var shipped = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src", "Polycrate.Build", "PublicAPI.Shipped.txt"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src", "Polycrate.Build", "PublicAPI.Unshipped.txt")));
        string[] internalOnly = ["Polycrate.Build.Secrets.Age.", "Polycrate.Build.Serialization.", "Polycrate.Build.Snapshots.", "Polycrate.Build.Templating.",
            "Polycrate.Build.Execution.Docker.", "Polycrate.Build.Registry.Archive.", "Polycrate.Build.Registry.Auth.", "Polycrate.Build.Resolution.",
            "Polycrate.Build.FileTrees.", "Polycrate.Build.PrivateRuns.", "Polycrate.Build.Events.", "Polycrate.Build.Limits.", "Polycrate.Build.Git."];
        Assert.All(shipped, line => Assert.DoesNotContain(internalOnly, prefix => line.Contains(prefix, StringComparison.Ordinal)));
    }
}
