using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Architecture;

/// <summary>
/// The engine's top-level namespaces (its folders) depend on each other without cycles, so each can be read, tested
/// and changed from the bottom up: Diagnostics and Model below, the feature namespaces above, Execution on top.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>
    /// Edges that still close a cycle today; each names why and what removes it. Keep this empty.
    /// </summary>
    private static readonly HashSet<(string From, string To)> Allowed = [];

    private static string Engine => Path.Combine(RepositoryPaths.Root, "src", "Polycrate.Build");

    [Fact]
    public void Top_level_namespaces_of_the_engine_form_no_cycle()
    {
        var cycles = NamespaceDependencies.Read(Engine).Cycles(Allowed);

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Every_allowed_edge_still_exists()
    {
        var edges = NamespaceDependencies.Read(Engine).Edges;

        Assert.All(Allowed, edge => Assert.True(edges.ContainsKey(edge), $"{edge.From} -> {edge.To} is gone: remove it from the allow-list."));
    }

    [Fact]
    public void The_reader_finds_a_cycle_when_there_is_one()
    {
        var root = Directory.CreateTempSubdirectory("pcb-namespaces-").FullName;
        try
        {
            Write(root, "A/One.cs", "using Polycrate.Build.B;\n\nnamespace Polycrate.Build.A;\n");
            Write(root, "B/Two.cs", "namespace Polycrate.Build.B;\n\n// C.Three is only a comment\ninternal static class Two { static object X => C.Three.Value; }\n");
            Write(root, "C/Three.cs", "namespace Polycrate.Build.C;\n\ninternal static class Three { static object Y => Polycrate.Build.A.One.Value; }\n");

            var dependencies = NamespaceDependencies.Read(root);
            var cycle = Assert.Single(dependencies.Cycles(new HashSet<(string, string)>()));

            Assert.StartsWith("A -> B -> C -> A", cycle, StringComparison.Ordinal);
            Assert.Equal(["B/Two.cs:4"], dependencies.Edges[("B", "C")]);
            Assert.Empty(dependencies.Cycles(new HashSet<(string, string)> { ("C", "A") }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
