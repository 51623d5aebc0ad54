using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace sync</c> (Polycrate's name) on the git repository holding the workspace, through the git CLI.</summary>
internal sealed class WorkspaceSyncCommand : Command
{
    public WorkspaceSyncCommand(CliContext cli)
        : base("sync", "workspace pull, then workspace push: rebase the current git branch onto its upstream and push it. Stops at the first failure (dirty tree, conflict, rejected push) with exit code 1.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            await cli.CreateEngine(loggers).SyncWorkspaceAsync(cli.WorkspaceDirectory(parse), GitSyncSteps.Pull | GitSyncSteps.Push,
                step => cli.Stderr.WriteLine((step.Step == GitSyncSteps.Pull ? "pull: " : "push: ") + step.Message), token);
            return 0;
        }, ct));
    }
}
