using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace push</c> (Polycrate's name) on the git repository holding the workspace, through the git CLI.</summary>
internal sealed class WorkspacePushCommand : Command
{
    public WorkspacePushCommand(CliContext cli)
        : base("push", "Push the workspace's git branch to its upstream (the first push sets it, on origin or the only remote). A rejected push (the remote has commits you do not have) says to pull first. Exit 1 on failure.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            await cli.CreateEngine(loggers).SyncWorkspaceAsync(cli.WorkspaceDirectory(parse), GitSyncSteps.Push,
                step => cli.Stderr.WriteLine((step.Step == GitSyncSteps.Pull ? "pull: " : "push: ") + step.Message), token);
            return 0;
        }, ct));
    }
}
