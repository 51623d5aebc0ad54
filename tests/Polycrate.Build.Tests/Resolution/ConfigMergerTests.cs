using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Resolution;

public sealed class ConfigMergerTests
{
    private static async Task<ConfigMap> MergedConfig(string blockConfig, string instanceConfig)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", $"name: base\nconfig:\n{blockConfig}\nactions: [{{name: run, script: [true]}}]\n");
        workspace.Write("workspace.poly", $"name: ws\nblocks:\n  - name: instance\n    from: base\n    config:\n{instanceConfig}\n");
        var result = await workspace.LoadAsync();
        return result.Workspace.FindBlock("instance")!.Config;
    }

    [Fact]
    public async Task Falsy_overrides_win_over_block_defaults()
    {
        // The 2025 tool's own sample: false, 0 and "" over true, 1 and "asdasd" ended up as the defaults.
        var config = await MergedConfig("  fooBar: true\n  integer: 1\n  string: asdasd\n  gone: x", "      fooBar: false\n      integer: 0\n      string: \"\"\n      gone: null");

        Assert.Equal(ConfigScalar.Bool(false), config["fooBar"]);
        Assert.Equal(ConfigScalar.Integer(0), config["integer"]);
        Assert.Equal(ConfigScalar.String(string.Empty), config["string"]);
        Assert.Equal(ConfigScalar.Null, config["gone"]);
    }

    [Fact]
    public async Task Nested_maps_merge_key_by_key_and_lists_are_replaced()
    {
        var config = await MergedConfig(
            "  chart:\n    name: app\n    version: 1.0.0\n    values:\n      replicas: 1\n      tier: web\n  hosts: [a, b, c]",
            "      chart:\n        version: 2.0.0\n        values:\n          replicas: 3\n      hosts: [z]");

        var chart = (ConfigMap)config["chart"]!;
        Assert.Equal("app", chart["name"]!.ToString());
        Assert.Equal("2.0.0", chart["version"]!.ToString());
        var values = (ConfigMap)chart["values"]!;
        Assert.Equal(ConfigScalar.Integer(3), values["replicas"]);
        Assert.Equal("web", values["tier"]!.ToString());
        Assert.Equal(new ConfigList([ConfigScalar.String("z")]), config["hosts"]);
    }

    [Fact]
    public async Task Keys_are_case_sensitive()
    {
        var config = await MergedConfig("  camelCase: block\n  camelcase: block-lower", "      camelCase: instance");

        Assert.Equal("instance", config["camelCase"]!.ToString());
        Assert.Equal("block-lower", config["camelcase"]!.ToString());
    }

    [Fact]
    public async Task Instances_of_the_same_parent_do_not_share_config_or_actions()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nconfig:\n  nested: {a: 1}\nactions: [{name: run, script: [echo]}]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: one
                from: base
                config: {nested: {a: 2}}
              - name: two
                from: base
                config: {nested: {b: 3}}
            """);

        var ws = (await workspace.LoadAsync()).Workspace;

        Assert.Equal(ConfigScalar.Integer(2), ((ConfigMap)ws.FindBlock("one")!.Config["nested"]!)["a"]);
        Assert.Null(((ConfigMap)ws.FindBlock("one")!.Config["nested"]!)["b"]);
        Assert.Equal(ConfigScalar.Integer(1), ((ConfigMap)ws.FindBlock("two")!.Config["nested"]!)["a"]);
        Assert.Equal(ConfigScalar.Integer(1), ((ConfigMap)ws.FindBlock("base")!.Config["nested"]!)["a"]);
        Assert.Equal(ws.FindBlock("base")!.Workdir, ws.FindBlock("one")!.Workdir);
    }

    [Fact]
    public void Plain_scalars_are_typed_by_the_yaml_core_schema()
    {
        Assert.Equal(ScalarKind.Boolean, ConfigValueReader.Resolve("true").Kind);
        Assert.Equal(ScalarKind.String, ConfigValueReader.Resolve("yes").Kind);
        Assert.Equal(ScalarKind.Integer, ConfigValueReader.Resolve("-42").Kind);
        Assert.Equal(ScalarKind.Float, ConfigValueReader.Resolve("1.5e3").Kind);
        Assert.Equal(ScalarKind.Null, ConfigValueReader.Resolve("~").Kind);
        Assert.Equal(ScalarKind.String, ConfigValueReader.Resolve("0.1.0").Kind);
    }
}
