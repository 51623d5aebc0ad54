using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace inspect</c>: the resolved workspace (blocks with inheritance applied, workflows).</summary>
internal sealed class WorkspaceInspectCommand : Command
{
    public WorkspaceInspectCommand(CliContext cli)
        : base("inspect", "Print the resolved workspace: settings, blocks (inheritance applied) and workflows.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            await cli.WriteDataAsync(parse, ModelProjection.Workspace(workspace, new PathMapper(workspace, onHost: false), includeBlocks: true));
            return 0;
        }, ct));
    }
}
