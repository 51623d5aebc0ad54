using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Tests.Snapshots;

public sealed class SnapshotTests
{
    private static async Task<(ConfigMap Snapshot, IReadOnlyList<EnvironmentEntry> Env)> SnapshotOf(TempWorkspace workspace, string block, string action, string? workflow = null)
    {
        var ws = (await workspace.LoadAsync()).Workspace;
        var (b, a) = Lookup.Action(ws, block, action);
        var wf = workflow is null ? null : ws.FindWorkflow(workflow);
        var context = new ActionContext
        {
            Workspace = ws,
            Block = b,
            Action = a,
            Workflow = wf,
            Step = wf?.Steps.First(s => s.Block == block && s.Action == action),
            TransactionId = "tx-1",
        };
        var prepared = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = "/tmp/run", CliVersion = "9.9.9" });
        return (prepared.Snapshot, prepared.Environment);
    }

    [Fact]
    public async Task Holds_the_seven_sections_with_key_case_preserved()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("inventory.yml", "all: {hosts: {a: {}}}\n");
        workspace.Write("blocks/app/block.poly", "name: app\nconfig: {fooBar: true, nested: {camelKey: 1}}\nactions: [{name: deploy, playbook: deploy.yml}]\n");
        workspace.Write("workspace.poly", "name: ws\norganization: acme\nworkflows:\n  - name: release\n    steps: [{name: go, block: app, action: deploy}]\n");

        var (snapshot, env) = await SnapshotOf(workspace, "app", "deploy", "release");

        Assert.Equal(["workspace", "block", "action", "workflow", "step", "env", "mounts"], snapshot.Entries.Select(e => e.Key));
        var block = (ConfigMap)snapshot["block"]!;
        Assert.Equal(ConfigScalar.Bool(true), ((ConfigMap)block["config"]!)["fooBar"]);
        Assert.Equal(ConfigScalar.Integer(1), ((ConfigMap)((ConfigMap)block["config"]!)["nested"]!)["camelKey"]);
        Assert.Equal("/workspace/blocks/app", ((ConfigMap)block["workdir"]!)["path"]!.ToString());
        Assert.Equal("go", ((ConfigMap)snapshot["step"]!)["name"]!.ToString());
        Assert.Equal("/workspace/inventory.yml", env.Single(e => e.Name == "ANSIBLE_INVENTORY").Value);
        Assert.Equal("ws", env.Single(e => e.Name == "POLYCRATE_WORKSPACE_NAME").Value);
        Assert.Equal("release", env.Single(e => e.Name == "POLYCRATE_WORKFLOW").Value);
        Assert.Equal("/workspace", ((ConfigMap)snapshot["mounts"]!)[workspace.Root]!.ToString());
    }

    [Fact]
    public async Task The_action_gets_real_values_the_masked_view_hides_them_and_the_yaml_keeps_types_for_ansible()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            config:
              container:
                env: {API_KEY: secret-key, PLAIN: "yes"}
            blocks:
              - name: app
                config: {db_password: hunter2, answer: "no", port: 8080, version: "1.10", empty: ""}
                actions: [{name: run, script: [echo]}]
            """);

        var (snapshot, env) = await SnapshotOf(workspace, "app", "run");
        var yaml = ConfigYamlWriter.Write(snapshot);
        var masked = ConfigYamlWriter.Write(Polycrate.Build.Snapshots.SnapshotMasker.Mask(snapshot));

        Assert.Contains("db_password: hunter2", yaml, StringComparison.Ordinal);
        Assert.Contains("API_KEY: secret-key", yaml, StringComparison.Ordinal);
        Assert.Equal("secret-key", env.Single(e => e.Name == "API_KEY").Value);
        Assert.Equal("hunter2", env.Single(e => e.Name == "BLOCK_CONFIG_DB_PASSWORD").Value);
        Assert.DoesNotContain("hunter2", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", masked, StringComparison.Ordinal);
        Assert.Contains("BLOCK_CONFIG_DB_PASSWORD: \"********\"", masked, StringComparison.Ordinal);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var config = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["block"])["config"];
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)config["answer"]).Style);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)config["version"]).Style);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, ((YamlScalarNode)config["port"]).Style);
        Assert.Equal("8080", ((YamlScalarNode)config["port"]).Value);
    }

    [Fact]
    public void Yaml_and_json_writers_round_trip_nested_structures()
    {
        var value = ConfigMap.Of(
            ("list", new ConfigList([ConfigMap.Of(("a", ConfigScalar.Integer(1)), ("b", new ConfigList([ConfigScalar.String("x: y")]))), ConfigList.Empty, ConfigScalar.Null])),
            ("map", ConfigMap.Of(("empty", ConfigMap.Empty), ("multi", ConfigScalar.String("line1\nline2")), ("quote", ConfigScalar.String("it's <b> & \"x\" \\ ü: y")))));

        var yaml = ConfigYamlWriter.Write(value);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var reread = ConfigValueReader.Read(stream.Documents[0].RootNode, new YamlFile("x", null), new Polycrate.Build.Diagnostics.DiagnosticBag());

        Assert.Equal(value, reread);
        Assert.Contains("quote: \"it's <b> & \\\"x\\\" \\\\ ü: y\"", yaml, StringComparison.Ordinal);

        // YAML 1.1 reads 1:20 as the number 80; a registry reference with a port stays a plain string.
        var scalars = ConfigYamlWriter.Write(ConfigMap.Of(("sexagesimal", ConfigScalar.String("1:20")), ("reference", ConfigScalar.String("127.0.0.1:5101/acme/app"))));
        Assert.Equal("sexagesimal: \"1:20\"\nreference: 127.0.0.1:5101/acme/app\n", scalars);
        Assert.Contains("\"line1\\nline2\"", ConfigJsonWriter.Write(value), StringComparison.Ordinal);
    }
}
