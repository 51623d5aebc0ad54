using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace snapshot BLOCK ACTION</c>: the snapshot an action run would receive, without running it.</summary>
internal sealed class WorkspaceSnapshotCommand : Command
{
    private readonly Argument<string> _block = new("BLOCK") { Description = "Block (instance) name." };
    private readonly Argument<string> _action = new("ACTION") { Description = "Action name." };

    public WorkspaceSnapshotCommand(CliContext cli)
        : base("snapshot", "Print the snapshot (Ansible extra vars) an action would receive: workspace, block, action, env, mounts.")
    {
        Arguments.Add(_block);
        Arguments.Add(_action);
        SetAction((parse, ct) => cli.RunAsync(
            token => SnapshotPrinter.PrintAsync(cli, parse, parse.GetValue(_block)!, parse.GetValue(_action)!, run: null, token), ct));
    }
}
