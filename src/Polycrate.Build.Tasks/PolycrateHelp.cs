using Microsoft.Build.Framework;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Tasks;

/// <summary>
/// <c>dotnet build -t:PolycrateHelp</c>, the SDK's <c>--help</c>: what the targets are and every run property with what
/// it does, from <see cref="RunOptionCatalog"/> (the CLI's help texts). Needs no workspace.
/// </summary>
public sealed class PolycrateHelp : Microsoft.Build.Utilities.Task
{
    /// <summary>Logs the help text at high importance; always true.</summary>
    public override bool Execute()
    {
        Log.LogMessage(MessageImportance.High, """
            Polycrate.Build.Sdk: every workflow, step and action of workspace.poly is a target.
              -t:PolycrateTargets   list this workspace's targets (workflow NAME, step NAME__STEP, action BLOCK_ACTION)
              -t:PolycrateValidate  check the properties below and workspace.poly, run nothing
              -t:PolycrateImage     build or pull the toolchain image; PackBlocks, PushBlocks, PullBlocks, PolycrateExportPipeline
            Run properties (-p:NAME=VALUE or in the project file; docs/run-options.md has the CLI and Cake names):
            """);
        var width = RunOptionCatalog.All.Max(o => o.MSBuildProperty.Length) + 2;
        foreach (var option in RunOptionCatalog.All)
        {
            var example = option.IsSwitch ? "true" : option.Example;
            Log.LogMessage(MessageImportance.High, "  {0}{1} (e.g. {2})", option.MSBuildProperty.PadRight(width), option.Description, example);
        }

        Log.LogMessage(MessageImportance.High, "  {0}{1}", "PolycrateWorkspaceDirectory".PadRight(width), "the folder with workspace.poly (default: the project's folder)");
        return true;
    }
}
