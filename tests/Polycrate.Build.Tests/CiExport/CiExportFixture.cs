using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.CiExport;
using Polycrate.Build.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Tests.CiExport;

/// <summary>A workspace with a parallel branch, a rollback and a cleanup step, exported and parsed back for structural checks.</summary>
internal static class CiExportFixture
{
    public const string Workspace = """
        name: ws
        blocks:
          - name: app
            config: {db_password: hunter2-secret}
            actions:
              - {name: prepare, script: [echo]}
              - {name: web, script: [echo]}
              - {name: db, script: [echo]}
              - {name: verify, script: [echo]}
              - {name: rollback, script: [echo]}
              - {name: cleanup, script: [echo]}
          - name: edge
            from: localhost:5000/acme/edge:1.0.0
        workflows:
          - name: release
            steps:
              - {name: prepare, block: app, action: prepare}
              - {name: web, block: app, action: web, needs: [prepare]}
              - {name: db, block: app, action: db, needs: [prepare], allow_failure: true}
              - {name: verify, block: app, action: verify, needs: [web, db]}
              - {name: rollback, block: app, action: rollback, when: on_failure}
              - {name: cleanup, block: app, action: cleanup, when: always, needs: [verify]}
              - {name: audit, block: app, action: verify, needs: []}
        """;

    /// <summary>Exports <paramref name="workflow"/> of the workspace in <paramref name="root"/> (or the glob's workspaces below it).</summary>
    public static Task<string> ExportAsync(string root, CiFormat format, string workflow = "release", string? glob = null,
        Func<CiExportOptions, CiExportOptions>? configure = null, string? workspaceDirectory = null)
    {
        var options = new CiExportOptions { Workflow = workflow, Format = format, ProjectRoot = root };
        return new CiExporter(NullLoggerFactory.Instance).ExportAsync(configure?.Invoke(options) ?? options, workspaceDirectory ?? root, glob,
            strict: false, onWarning: null, CancellationToken.None);
    }

    public static TempWorkspace Create() => new TempWorkspace().Write("workspace.poly", Workspace);

    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Map(this YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(this YamlNode node, string key) => (YamlSequenceNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static string? Str(this YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    public static List<string> Strings(this YamlNode node, string key) =>
        [.. node.Seq(key).Children.Select(c => c is YamlScalarNode s ? s.Value! : ((YamlMappingNode)c).Str("job")!)];

    public static List<string> Keys(this YamlMappingNode node) => [.. node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];
}
