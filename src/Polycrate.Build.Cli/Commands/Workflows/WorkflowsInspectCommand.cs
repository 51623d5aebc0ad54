using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

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
            using var loggers = cli.CreateLoggerFactory(parse);
            var workflow = await cli.CreateEngine(loggers).InspectWorkflowAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, token);
            await cli.WriteDataAsync(parse, workflow.Value);
            return 0;
        }, ct));
    }
}
