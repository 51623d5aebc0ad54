using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Git;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace push</c> (Polycrate's name) on the git repository holding the workspace, through the git CLI.</summary>
internal sealed class WorkspacePushCommand : Command
{
    public WorkspacePushCommand(CliContext cli)
        : base("push", "Push the workspace's git branch to its upstream (the first push sets it, on origin or the only remote). A rejected push (the remote has commits you do not have) says to pull first. Exit 1 on failure.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var sync = await WorkspaceSync.OpenAsync(cli.WorkspaceDirectory(parse), token);
            await cli.Stderr.WriteLineAsync("push: " + await sync.PushAsync(token));
            return 0;
        }, ct));
    }
}
