using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// Files beside the workspace Polycrate users have: a block's CHANGELOG.poly (Polycrate's format, and the other formats
/// its editor extension's examples show) and Polycrate's own ~/.polycrate/polycrate.yml.
/// </summary>
public sealed class RealWorldSideFilesTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    private static string At(ConfigValue? value, params string[] path) =>
        path.Aggregate(value, (current, key) => ((ConfigMap)current!)[key])!.ToString()!;

    [Theory]
    [InlineData("name: test-block\nchanges:\n  - version: 1.0.0\n", 1, 1, "expected a list of entries", 0)]
    [InlineData("- version: 1.0.0\n  date: 2025-01-10\n  changes: [added]\n", 3, 3, "'changes'", 1)]
    [InlineData("- version: [1.0.0\n", 2, 1, "YAML", 0)]
    public async Task A_changelog_in_another_format_is_a_warning_at_its_problem_and_only_what_is_in_the_format_is_kept(string changelog, int line, int column, string message, int kept)
    {
        _workspace.Write("blocks/app/block.poly", "name: app\nversion: 1.0.0\nactions: [{name: run, script: [echo]}]\n");
        _workspace.Write("blocks/app/CHANGELOG.poly", changelog);
        _workspace.Write("workspace.poly", "name: ws\n");

        var loaded = await _workspace.LoadAsync();

        var warning = Assert.Single(loaded.Warnings);
        Assert.Equal(DiagnosticCodes.ChangelogInvalid, warning.Code);
        Assert.Equal((_workspace.PathOf("blocks/app/CHANGELOG.poly"), line, column), (warning.Location.File, warning.Location.Line, warning.Location.Column));
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
        Assert.Equal(kept, loaded.Workspace.FindBlock("app")!.Changelog.Count);
    }

    [Fact]
    public async Task A_changelog_key_in_block_poly_is_the_changelog_unless_CHANGELOG_poly_exists()
    {
        _workspace.Write("blocks/app/block.poly", "name: app\nchangelog:\n  - {version: 0.1.0, date: '2024-01-01', type: fix}\nactions: [{name: run, script: [echo]}]\n");
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: b\n    changelog: [{version: 1, typo: x}]\n    actions: [{name: run, script: [echo]}]\n");

        var loaded = await _workspace.LoadAsync();

        Assert.Equal("fix", loaded.Workspace.FindBlock("app")!.Changelog[0].Type);
        var warning = Assert.Single(loaded.Warnings);
        Assert.Equal((DiagnosticCodes.ChangelogInvalid, 4, 30), (warning.Code, warning.Location.Line, warning.Location.Column));

        _workspace.Write("blocks/app/CHANGELOG.poly", "- {version: 0.2.0, date: '2024-02-01', type: feat}\n");
        Assert.Equal("0.2.0", (await _workspace.LoadAsync()).Workspace.FindBlock("app")!.Changelog[0].Version);
    }

    [Fact]
    public async Task Polycrates_user_configuration_sets_the_default_registry_and_its_settings_without_effect_are_warnings()
    {
        using var home = new TempWorkspace();
        home.Write(".polycrate/polycrate.yml", """
            loglevel: 2
            registry:
              url: https://registry.acme.example/
            hub:
              api_key: placeholder
            auto_commit: true
            kubeconfig: /root/.kube/config
            """);
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: web\n    from: acme/apps/web:1.0.0\n");
        _workspace.Write("blocks/registry.acme.example/acme/apps/web/block.poly", "name: acme/apps/web\nversion: 1.0.0\nactions: [{name: run, script: [echo]}]\n");

        var loaded = await _workspace.LoadAsync(environment: new Dictionary<string, string> { ["HOME"] = home.Root });

        Assert.Equal("registry.acme.example", loaded.Workspace.DefaultRegistry);
        Assert.Equal("run", Assert.Single(loaded.Workspace.FindBlock("web")!.Actions).Name);
        Assert.Equal([(1, 11), (6, 14), (7, 13)], loaded.Warnings.Select(w => (w.Location.Line, w.Location.Column)));
        Assert.All(loaded.Warnings, w => Assert.Equal((DiagnosticCodes.NotSupported, home.PathOf(".polycrate/polycrate.yml")), (w.Code, w.Location.File)));
        Assert.Contains("--loglevel", loaded.Warnings[0].Hint!, StringComparison.Ordinal);

        // The variable and the workspace's own setting come first.
        var withVariable = await _workspace.LoadAsync(environment: new Dictionary<string, string> { ["HOME"] = home.Root, ["POLYCRATE_REGISTRY_URL"] = "other.example" });
        Assert.Equal("other.example", withVariable.Workspace.DefaultRegistry);
        home.Write(".polycrate/polycrate.yml", "registry: [\n");
        _workspace.Write("workspace.poly", "name: ws\nregistry: {url: own.example}\n");
        var broken = await _workspace.LoadAsync(environment: new Dictionary<string, string> { ["HOME"] = home.Root });
        Assert.Equal("own.example", broken.Workspace.DefaultRegistry);
        Assert.Empty(broken.Warnings);
        _workspace.Write("workspace.poly", "name: ws\n");
        var unreadable = await _workspace.LoadAsync(environment: new Dictionary<string, string> { ["HOME"] = home.Root });
        Assert.Equal("cargo.ayedo.cloud", unreadable.Workspace.DefaultRegistry);
        Assert.Contains("user configuration is not read", Assert.Single(unreadable.Warnings).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
