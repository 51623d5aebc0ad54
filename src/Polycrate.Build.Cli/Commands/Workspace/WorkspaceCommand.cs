using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace</c>: the verb group.</summary>
internal sealed class WorkspaceCommand : Command
{
    public WorkspaceCommand(CliContext cli)
        : base("workspace", "Create, inspect, snapshot and update the workspace; encrypt its secrets.")
    {
        Subcommands.Add(new WorkspaceInitCommand(cli));
        Subcommands.Add(new WorkspaceInspectCommand(cli));
        Subcommands.Add(new WorkspaceSnapshotCommand(cli));
        Subcommands.Add(new WorkspaceUpdateCommand(cli));
        Subcommands.Add(new WorkspaceEncryptCommand(cli));
        Subcommands.Add(new WorkspaceDecryptCommand(cli));
        Subcommands.Add(new WorkspaceKeygenCommand(cli));
        Subcommands.Add(new WorkspaceRekeyCommand(cli));
        Subcommands.Add(new WorkspaceStatusCommand(cli));
        Subcommands.Add(new WorkspaceSyncCommand(cli));
        Subcommands.Add(new WorkspacePullCommand(cli));
        Subcommands.Add(new WorkspacePushCommand(cli));
    }
}
