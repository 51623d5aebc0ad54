using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace pull</c> (Polycrate's name) on the git repository holding the workspace, through the git CLI.</summary>
internal sealed class WorkspacePullCommand : Command
{
    public WorkspacePullCommand(CliContext cli)
        : base("pull", "Bring the workspace's git branch up to date: git pull --rebase from its upstream. Refuses uncommitted changes to tracked files; a conflicting rebase is aborted (nothing changes) and the conflicting files are named. Exit 1 on failure.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            await cli.CreateEngine(loggers).SyncWorkspaceAsync(cli.WorkspaceDirectory(parse), GitSyncSteps.Pull,
                step => cli.Stderr.WriteLine((step.Step == GitSyncSteps.Pull ? "pull: " : "push: ") + step.Message), token);
            return 0;
        }, ct));
    }
}
