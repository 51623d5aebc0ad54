using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// Files a Polycrate user already has load unchanged, and what polycrate-build does not support is a warning at its
/// position, never silently ignored (found by trying the product as a newcomer).
/// </summary>
public sealed class PolycrateDropInTests
{
    [Fact]
    public async Task Yaml_1_1_booleans_in_settings_load_as_Polycrate_reads_them()
    {
        // yaml.v3 (Polycrate's block.poly decoder) reads yes/no/on/off into bool fields; Ansible users write them everywhere.
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\ntemplate: no\nactions:\n  - name: run\n    script: [echo]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: tmpl
                template: yes
                actions: [{name: run, script: [echo]}]
            workflows:
              - name: wf
                allow_failure: on
                steps:
                  - {name: s, block: base, action: run, allow_failure: Off}
            """);

        var result = await workspace.LoadAsync();

        Assert.Empty(result.Warnings);
        Assert.False(result.Workspace.FindBlock("base")!.Template);
        Assert.True(result.Workspace.FindBlock("tmpl")!.Template);
        var workflow = result.Workspace.FindWorkflow("wf")!;
        Assert.True(workflow.AllowFailure);
        Assert.False(workflow.Steps[0].AllowFailure);
    }

    [Fact]
    public async Task Config_values_spelled_yes_stay_the_strings_Ansible_gets()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: b\n    config: {enabled: yes, mode: off}\n    actions: [{name: run, script: [echo]}]\n");

        var config = (await workspace.LoadAsync()).Workspace.FindBlock("b")!.Config;

        Assert.Equal(ConfigScalar.String("yes"), config["enabled"]);
        Assert.Equal(ConfigScalar.String("off"), config["mode"]);
    }

    [Fact]
    public async Task A_word_that_is_no_boolean_is_an_error_at_its_position_with_the_accepted_spellings()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: b\n    template: maybe\n    actions: [{name: run, script: [echo]}]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnexpectedType, only.Code);
        Assert.Equal((4, 15), (only.Location.Line, only.Location.Column));
        Assert.Contains("yes/no", only.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_from_matches_a_parent_whose_version_is_inherited()
    {
        // Polycrate fills an empty version from the parent before a child's from: is looked up.
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nversion: 0.1.0\nactions: [{name: hello, script: [echo]}]\n");
        workspace.Write("blocks/web/block.poly", "name: web\nfrom: base\nconfig: {message: hi}\n");
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: web-prod\n    from: web:0.1.0\n");

        var block = (await workspace.LoadAsync()).Workspace.FindBlock("web-prod")!;

        Assert.Equal("0.1.0", block.Version);
        Assert.Equal("hello", Assert.Single(block.Actions).Name);
    }

    [Fact]
    public async Task A_pinned_from_with_another_version_names_the_installed_one_and_how_to_pin_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nversion: 0.1.0\nactions: [{name: hello, script: [echo]}]\n");
        workspace.Write("blocks/web/block.poly", "name: web\nfrom: base\n");
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: web-prod\n    from: web:0.2.0\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ParentMissing, only.Code);
        Assert.Equal((4, 11), (only.Location.Line, only.Location.Column));
        Assert.Contains("has version 0.1.0", only.Message, StringComparison.Ordinal);
        Assert.Contains("from: web:0.1.0", only.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_from_on_a_parent_that_itself_fails_reports_only_the_first_failure()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/web/block.poly", "name: web\nfrom: nothere\n");
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: web-prod\n    from: web:0.1.0\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Contains("'nothere'", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_actions_are_a_warning_at_the_key_not_silently_run_without_a_terminal()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", """
            name: base
            actions:
              - name: shell
                interactive: true
                script: [bash]
              - name: batch
                interactive: false
                script: [echo]
            """);
        workspace.Write("workspace.poly", "name: ws\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal(DiagnosticCodes.NotSupported, warning.Code);
        Assert.Equal(workspace.PathOf("blocks/base/block.poly"), warning.Location.File);
        Assert.Equal((4, 18), (warning.Location.Line, warning.Location.Column));
        Assert.Contains("'shell'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("no effect", warning.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));
    }

    [Fact]
    public async Task A_blocks_schema_json_is_a_warning_that_it_is_not_checked()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nactions: [{name: run, script: [echo]}]\n");
        workspace.Write("blocks/base/schema.json", "{\"type\": \"object\", \"required\": [\"namespace\"]}\n");
        workspace.Write("workspace.poly", "name: ws\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal(DiagnosticCodes.NotSupported, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/base/schema.json"), 1, 1), warning.Location);
        Assert.Contains("not checked", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostics_are_listed_in_reading_order_whichever_check_found_them()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            organisation: acme
            blocks:
              - name: b
                actions:
                  - {name: both, script: [echo], playbook: x.yml}
            workflows:
              - name: wf
                steps:
                  - {name: s, block: ghost, action: run}
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var lines = error.Diagnostics.Select(d => d.Location.Line).ToList();
        Assert.Equal(lines.Order(), lines);
        Assert.Equal(2, lines[0]);
        var listed = error.Message.Split('\n').Skip(1).Select(l => l.Split(':')[1]).Select(int.Parse).ToList();
        Assert.Equal(listed.Order(), listed);
    }

    [Fact]
    public async Task A_swapped_letter_pair_gets_a_did_you_mean()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nactions: [{name: run, script: [echo]}]\n");
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: b\n    form: base\n    actions: [{name: run, script: [echo]}]\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal((4, 5), (warning.Location.Line, warning.Location.Column));
        Assert.Equal("did you mean 'from'?", warning.Hint);
        Assert.Equal(1, EditDistance.Compute("form", "from"));
        Assert.Equal(2, EditDistance.Compute("form", "farm2"));
    }

    [Fact]
    public async Task Run_from_a_subdirectory_the_error_names_the_workspace_around_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/web/block.poly", "name: web\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() =>
            new Polycrate.Build.Loading.WorkspaceLoader().LoadAsync(workspace.PathOf("blocks/web"), new Polycrate.Build.Loading.LoadOptions(), CancellationToken.None));

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.WorkspaceFileMissing, only.Code);
        Assert.EndsWith($"; this directory is inside the workspace {workspace.Root}", only.Message, StringComparison.Ordinal);
    }
}
