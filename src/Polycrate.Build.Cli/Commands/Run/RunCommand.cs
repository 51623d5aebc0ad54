using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Runs;

namespace Polycrate.Build.Cli.Commands.Run;

/// <summary><c>run BLOCK ACTION</c> runs an action; <c>run WORKFLOW</c> runs a workflow (as Polycrate does).</summary>
internal sealed class RunCommand : Command
{
    private readonly Argument<string> _first = new("BLOCK|WORKFLOW") { Description = "Block (instance) name, or a workflow name when no ACTION follows." };
    private readonly Argument<string?> _action = new("ACTION") { Description = "Action of the block.", Arity = ArgumentArity.ZeroOrOne };
    private readonly RunOptionSet _run = new();

    public RunCommand(CliContext cli)
        : base("run", "Run an action (run BLOCK ACTION) or a workflow (run WORKFLOW) in the toolchain container; --snapshot prints what the action would get. "
            + "Exit code: the action's own on failure.")
    {
        Arguments.Add(_first);
        Arguments.Add(_action);
        _run.AddTo(this);
        SetAction((parse, ct) =>
        {
            var first = parse.GetValue(_first)!;
            var action = parse.GetValue(_action);
            return action is null
                ? RunInvoker.InvokeAsync(cli, parse, _run, () => RunRequest.ForWorkflow(first), ct)
                : RunInvoker.InvokeActionAsync(cli, parse, _run, first, action, ct);
        });
    }
}
