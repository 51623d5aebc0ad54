using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows inspect NAME</c>: one workflow with each step's dependencies made explicit.</summary>
internal sealed class WorkflowsInspectCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Workflow name." };

    public WorkflowsInspectCommand(CliContext cli)
        : base("inspect", "Print one workflow; each step lists the steps it waits for ('needs').")
    {
        Arguments.Add(_name);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            await cli.WriteDataAsync(parse, ModelProjection.Workflow(Lookup.Workflow(workspace, parse.GetValue(_name)!)));
            return 0;
        }, ct));
    }
}
