using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// An unknown name to run lists what the user could have meant — workflows, blocks and their actions — with "did you
/// mean" for a near name, and says how to run each in the words of the front end (the catalog's hint).
/// </summary>
public sealed class RunnableSuggestionsTests : IDisposable
{
    private const string NoWorkflows = """
        name: ws
        blocks:
          - name: base
            actions: [{name: hello, script: [echo]}]
          - name: app
            from: base
            actions: [{name: deploy, script: [echo]}, {name: rollback, script: [echo]}]
          - name: db
            actions: [{name: backup, script: [echo]}]
        """;

    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    private async Task<Workspace> LoadAsync(string text)
    {
        ws.Write("workspace.poly", text);
        return (await ws.LoadAsync()).Workspace;
    }

    [Fact]
    public async Task Run_of_an_unknown_name_in_a_workspace_without_workflows_lists_blocks_and_actions_and_how_to_run_them()
    {
        var workspace = await LoadAsync(NoWorkflows);

        var error = Assert.Throws<NotFoundException>(() => Lookup.Workflow(workspace, "deploi"));

        Assert.Equal(
            "there is no workflow 'deploi' in workspace 'ws'; did you mean action 'deploy' of block 'app'? known workflows: (none); "
            + "blocks and their actions: base (hello); app (hello, deploy, rollback); db (backup); "
            + "run a workflow with 'run WORKFLOW', an action with 'run BLOCK ACTION'",
            error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("db", "did you mean block 'db' (name one of its actions)?")]
    [InlineData("app_rolback", "did you mean action 'rollback' of block 'app'?")]
    [InlineData("bakup", "did you mean action 'backup' of block 'db'?")]
    [InlineData("release", "did you mean 'release'?")]
    public async Task The_closest_workflow_block_or_action_is_suggested(string typed, string suggestion)
    {
        var workspace = await LoadAsync(NoWorkflows + "\nworkflows:\n  - name: release\n    steps: [{name: s, block: app, action: deploy}]\n");

        var message = typed == "db"
            ? Assert.Throws<NotFoundException>(() => Lookup.Action(workspace, "dbb", "backup")).Message
            : Assert.Throws<NotFoundException>(() => Lookup.Workflow(workspace, typed == "release" ? "relase" : typed)).Message;

        Assert.Contains(suggestion, message, StringComparison.Ordinal);
        Assert.Contains("known workflows: release;", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_close_to_nothing_gets_the_lists_without_a_guess()
    {
        var workspace = await LoadAsync(NoWorkflows);

        var message = Assert.Throws<NotFoundException>(() => Lookup.Workflow(workspace, "kubernetes-upgrade")).Message;

        Assert.DoesNotContain("did you mean", message, StringComparison.Ordinal);
        Assert.Contains("blocks and their actions: base (hello); app (hello, deploy, rollback); db (backup)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FrontEnd.MSBuild, "build a workflow with -t:WORKFLOW, an action with -t:BLOCK_ACTION")]
    [InlineData(FrontEnd.Cake, "run a workflow with PolycrateWorkflow(\"WORKFLOW\"), an action with PolycrateRun(\"BLOCK\", \"ACTION\")")]
    public async Task Msbuild_and_cake_read_how_to_run_in_their_own_words(FrontEnd frontEnd, string hint)
    {
        var workspace = await LoadAsync(NoWorkflows);
        var error = Assert.Throws<NotFoundException>(() => Lookup.Workflow(workspace, "deploi"));

        var text = DiagnosticCatalog.ForFrontEnd(error.Message, frontEnd);

        Assert.Contains(hint, text, StringComparison.Ordinal);
        Assert.DoesNotContain("'run BLOCK ACTION'", text, StringComparison.Ordinal);
        Assert.Contains("did you mean action 'deploy' of block 'app'?", text, StringComparison.Ordinal);
    }
}
