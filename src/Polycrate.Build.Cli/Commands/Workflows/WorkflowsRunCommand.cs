using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Runs;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows run NAME [--step STEP]</c>.</summary>
internal sealed class WorkflowsRunCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Workflow name." };
    private readonly Option<string?> _step = new("--step") { Description = "Run only this step (without the steps before it).", HelpName = "STEP" };
    private readonly RunOptionSet _run = new();

    public WorkflowsRunCommand(CliContext cli)
        : base("run", "Run a workflow: steps in order, or as a graph with needs: (--max-parallel N); when: on_failure/always steps; a summary table at the end.")
    {
        Arguments.Add(_name);
        Options.Add(_step);
        _run.AddTo(this);
        SetAction((parse, ct) => RunInvoker.InvokeAsync(cli, parse, _run,
            () => RunRequest.ForWorkflow(parse.GetValue(_name)!, parse.GetValue(_step)), ct));
    }
}
