using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Loading;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// A missing playbook (or script file) is found at load, at the YAML position of the reference. Polycrate loads such a
/// workspace and runs its other actions, so loading warns (PCB1020); running that action is the error.
/// </summary>
public sealed class ActionFilesTests
{
    [Fact]
    public async Task A_missing_playbook_is_a_warning_at_the_playbook_value()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - name: deploy\n    playbook: deploy.yml\n  - name: ok\n    script: [echo ok]\n");

        var result = await workspace.LoadAsync();

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.ActionFileMissing, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/app/block.poly"), 4, 15), warning.Location);
        Assert.Contains("action 'deploy' of block 'app' runs playbook file 'deploy.yml', which does not exist in blocks/app", warning.Message, StringComparison.Ordinal);
        Assert.Contains("create blocks/app/deploy.yml", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_near_miss_names_the_file_that_exists()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: deploy, playbook: playbooks/deploy.yml}]\n");
        workspace.Write("blocks/app/playbooks/deploy.yaml", "- hosts: all\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.StartsWith("did you mean 'playbooks/deploy.yaml'?", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inherited_playbook_is_reported_once_at_the_parent_naming_every_instance()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - {name: web-a, from: base}\n  - {name: web-b, from: base}\n");
        workspace.Write("blocks/base/block.poly", "name: base\ntemplate: true\nactions:\n  - name: deploy\n    playbook: site.yml\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/base/block.poly"), 5, 15), warning.Location);
        Assert.Contains("also used by block", warning.Message, StringComparison.Ordinal);
        Assert.Contains("web-a", warning.Message, StringComparison.Ordinal);
        Assert.Contains("web-b", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./deploy.sh", 9)]
    [InlineData("bash scripts/deploy.sh --now", 14)]
    [InlineData("python3 tool.py", 17)]
    [InlineData("ansible-playbook -i inventory.yml -e x=1 site.yml", 50)]
    public async Task A_script_line_that_runs_a_missing_file_of_the_block_is_reported_at_the_file_name(string line, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", $"name: app\nactions:\n  - name: go\n    script:\n      - echo start\n      - {line}\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal(DiagnosticCodes.ActionFileMissing, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/app/block.poly"), 6, column), warning.Location);
        Assert.Contains("runs script file", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./exists.sh")]
    [InlineData("bash $SCRIPTS/deploy.sh")]
    [InlineData("bash {{ .Block.Config.script }}")]
    [InlineData("kubectl apply -f manifest.yml")]
    [InlineData("bash /opt/tools/x.sh")]
    [InlineData("bash ../other/x.sh")]
    [InlineData("ansible-playbook \"my play.yml\"")]
    public async Task Lines_that_are_not_clearly_a_missing_file_of_the_block_load_without_warnings(string line)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", $"name: app\nactions:\n  - name: go\n    script:\n      - '{line.Replace("'", "''", StringComparison.Ordinal)}'\n");
        workspace.Write("blocks/app/exists.sh", "#!/bin/sh\n");

        Assert.Empty((await workspace.LoadAsync()).Warnings);
    }

    [Fact]
    public async Task A_collection_playbook_is_not_a_file_of_the_block()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: go, playbook: acme.infra.site}]\n");

        Assert.Empty((await workspace.LoadAsync()).Warnings);
    }

    [Fact]
    public async Task A_file_an_earlier_line_prepares_is_not_reported()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly",
            "name: app\nactions:\n  - {name: fetch, script: ['curl -fsSLo install.sh https://example.invalid', 'bash install.sh']}\n"
            + "  - {name: sub, script: ['cd sub', './run.sh']}\n");

        Assert.Empty((await workspace.LoadAsync()).Warnings);
    }

    [Fact]
    public async Task Strict_makes_the_missing_playbook_an_error()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: inline\n    actions: [{name: go, playbook: go.yml}]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ActionFileMissing, diagnostic.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 4, 36), diagnostic.Location);
        Assert.Contains("which does not exist in .", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_action_is_an_error_at_the_reference_with_exit_code_2()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - name: deploy\n    playbook: deploy.yml\n  - name: ok\n    script: [echo ok]\n");
        var loaded = (await workspace.LoadAsync()).Workspace;
        var block = loaded.FindBlock("app")!;

        var error = Assert.Throws<ActionFileMissingException>(() => ActionFileMissingException.ThrowIfMissing(loaded, block, block.FindAction("deploy")!));
        ActionFileMissingException.ThrowIfMissing(loaded, block, block.FindAction("ok")!);

        Assert.Equal(2, error.ExitCode);
        Assert.Equal("PCB1020", error.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/app/block.poly"), 4, 15), error.Location);
        Assert.Contains("Hint: create blocks/app/deploy.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_of_one_folder_each_get_their_own_suggestion_from_its_listing()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - {name: copy, from: app}\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - {name: a, playbook: deploy.yml}\n  - {name: b, playbook: remove.yml}\n  - {name: c, playbook: nothing-like-it.yml}\n");
        workspace.Write("blocks/app/deploy.yaml", "- hosts: all\n");
        workspace.Write("blocks/app/remove.yaml", "- hosts: all\n");

        var warnings = (await workspace.LoadAsync()).Warnings;

        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("did you mean 'deploy.yaml'?", warnings[0].Hint, StringComparison.Ordinal);
        Assert.StartsWith("did you mean 'remove.yaml'?", warnings[1].Hint, StringComparison.Ordinal);
        Assert.StartsWith("create blocks/app/nothing-like-it.yml", warnings[2].Hint, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.Contains("(also used by block ", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_created_after_the_load_is_found_when_the_action_runs()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - name: deploy\n    playbook: deploy.yml\n");
        var loaded = await workspace.LoadAsync();
        Assert.Single(loaded.Warnings);
        var block = loaded.Workspace.FindBlock("app")!;

        workspace.Write("blocks/app/deploy.yml", "- hosts: all\n");

        Assert.Empty(ActionFiles.FindMissing(loaded.Workspace, block, block.FindAction("deploy")!));
    }
}
