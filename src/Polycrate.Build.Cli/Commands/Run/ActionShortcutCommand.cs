using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Run;

/// <summary>
/// Polycrate's top-level shortcuts <c>install BLOCK</c>, <c>uninstall BLOCK</c>, <c>prune BLOCK</c>: run the block's action
/// of that name (the 2025 tool swapped the uninstall/prune arguments; here each runs its own action).
/// </summary>
internal sealed class ActionShortcutCommand : Command
{
    private readonly Argument<string> _block = new("BLOCK") { Description = "Block (instance) name." };
    private readonly RunOptionSet _run = new();

    /// <param name="cli">Shared console and options.</param>
    /// <param name="actionName">The verb, which is also the action it runs (<c>install</c>, <c>uninstall</c>, <c>prune</c>).</param>
    public ActionShortcutCommand(CliContext cli, string actionName)
        : base(actionName, $"Run the action '{actionName}' of BLOCK (same as 'run BLOCK {actionName}').")
    {
        Arguments.Add(_block);
        _run.AddTo(this);
        SetAction((parse, ct) => RunInvoker.InvokeActionAsync(cli, parse, _run, parse.GetValue(_block)!, actionName, ct));
    }
}
