using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Runs;

namespace Polycrate.Build.Cli.Commands.Actions;

/// <summary><c>actions run BLOCK ACTION</c>.</summary>
internal sealed class ActionsRunCommand : Command
{
    private readonly Argument<string> _block = new("BLOCK") { Description = "Block (instance) name." };
    private readonly Argument<string> _action = new("ACTION") { Description = "Action name." };
    private readonly RunOptionSet _run = new();

    public ActionsRunCommand(CliContext cli)
        : base("run", "Run one action of a block (same as 'run BLOCK ACTION').")
    {
        Arguments.Add(_block);
        Arguments.Add(_action);
        _run.AddTo(this);
        SetAction((parse, ct) => RunInvoker.InvokeAsync(cli, parse, _run,
            () => RunRequest.ForAction(parse.GetValue(_block)!, parse.GetValue(_action)!), ct));
    }
}
