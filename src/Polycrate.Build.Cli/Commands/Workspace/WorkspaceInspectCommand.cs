using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace inspect</c>: the resolved workspace (blocks with inheritance applied, workflows).</summary>
internal sealed class WorkspaceInspectCommand : Command
{
    public WorkspaceInspectCommand(CliContext cli)
        : base("inspect", "Print the resolved workspace: settings, blocks (inheritance applied) and workflows.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var workspace = await cli.CreateEngine(loggers).InspectWorkspaceAsync(cli.WorkspaceRequest(parse), token);
            await cli.WriteDataAsync(parse, workspace.Value);
            return 0;
        }, ct));
    }
}
