using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task An_unknown_key_is_a_warning_at_its_position_with_a_suggestion()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    confg: {a: 1}\n    actions: [{name: run, script: [echo]}]\n");

        var result = await workspace.LoadAsync();

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.UnknownKey, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 4, 5), warning.Location);
        Assert.Contains("did you mean 'config'?", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_turns_warnings_into_errors()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\norganisation: acme\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));

        Assert.Contains("--strict", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 2, 1), Assert.Single(error.Diagnostics).Location);
    }

    [Fact]
    public async Task A_yaml_syntax_error_reports_file_line_and_column()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n   bad: [unclosed\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal(workspace.PathOf("workspace.poly"), diagnostic.Location.File);
        Assert.True(diagnostic.Location.Line >= 3, diagnostic.ToString());
    }

    [Fact]
    public async Task Wrong_types_and_missing_required_keys_say_what_was_found_and_expected()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/b/block.poly", "name: b\nactions:\n  - name: run\n    script: [echo]\n    interactive: sometimes\n  - description: no name\n    playbook: x.yml\n");
        workspace.Write("workspace.poly", "name: ws\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var file = workspace.PathOf("blocks/b/block.poly");
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.UnexpectedType && d.Location == new SourceLocation(file, 5, 18)
            && d.Message.Contains("found 'sometimes', expected true or false", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.MissingRequired && d.Location == new SourceLocation(file, 6, 5));
    }

    [Fact]
    public async Task A_broken_step_reference_points_at_the_value()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                actions: [{name: deploy, script: [echo]}]
            workflows:
              - name: release
                steps:
                  - name: one
                    block: ap
                    action: deploy
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownBlockReference, diagnostic.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 9, 16), diagnostic.Location);
        Assert.Equal("did you mean 'app'?", diagnostic.Hint);
        Assert.StartsWith($"{workspace.PathOf("workspace.poly")}:9:16: error PCB1012:", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Needs_must_name_steps_of_the_workflow_without_cycles()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                actions: [{name: a, script: [echo]}]
            workflows:
              - name: w
                steps:
                  - {name: one, block: app, action: a, needs: [two]}
                  - {name: two, block: app, action: a, needs: [one]}
                  - {name: three, block: app, action: a, needs: [nope]}
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.StepCycle && d.Message.Contains("one -> two -> one", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.UnknownStepReference && d.Message.Contains("'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_workspace_file_says_how_to_create_one()
    {
        using var workspace = new TempWorkspace();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        Assert.Equal(DiagnosticCodes.WorkspaceFileMissing, error.Code);
        Assert.Contains("workspace init", error.Message, StringComparison.Ordinal);
    }
}
