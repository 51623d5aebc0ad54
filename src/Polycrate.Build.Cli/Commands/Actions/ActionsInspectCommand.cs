using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Actions;

/// <summary><c>actions inspect BLOCK ACTION</c>: one action as resolved.</summary>
internal sealed class ActionsInspectCommand : Command
{
    private readonly Argument<string> _block = new("BLOCK") { Description = "Block (instance) name." };
    private readonly Argument<string> _action = new("ACTION") { Description = "Action name." };

    public ActionsInspectCommand(CliContext cli)
        : base("inspect", "Print one action as resolved (inherited fields filled in).")
    {
        Arguments.Add(_block);
        Arguments.Add(_action);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var action = await cli.CreateEngine(loggers).InspectActionAsync(cli.WorkspaceRequest(parse), parse.GetValue(_block)!, parse.GetValue(_action)!, token);
            await cli.WriteDataAsync(parse, action.Value);
            return 0;
        }, ct));
    }
}
