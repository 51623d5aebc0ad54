using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Git;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace sync</c> (Polycrate's name) on the git repository holding the workspace, through the git CLI.</summary>
internal sealed class WorkspaceSyncCommand : Command
{
    public WorkspaceSyncCommand(CliContext cli)
        : base("sync", "workspace pull, then workspace push: rebase the current git branch onto its upstream and push it. Stops at the first failure (dirty tree, conflict, rejected push) with exit code 1.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var sync = await WorkspaceSync.OpenAsync(cli.WorkspaceDirectory(parse), token);
            await cli.Stderr.WriteLineAsync("pull: " + await sync.PullAsync(token));
            await cli.Stderr.WriteLineAsync("push: " + await sync.PushAsync(token));
            return 0;
        }, ct));
    }
}
