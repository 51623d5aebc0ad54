using Microsoft.Build.Framework;
using Polycrate.Build.Engine;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Installs registry blocks into the workspace at <c>blocks/&lt;host&gt;/&lt;path&gt;/</c> and pins their digests in
/// blocks.lock (<c>polycrate-build blocks pull</c>): the given <see cref="References"/>, or by default every
/// <c>from:</c> block the workspace is missing. A tag that moved away from its pin fails unless <see cref="Update"/>.
/// </summary>
public sealed class PolycratePullBlocks : PolycrateTask
{
    /// <summary><c>host[:port]/path[:tag][@digest]</c> each; empty means the workspace's missing <c>from:</c> blocks.</summary>
    public string[] References { get; set; } = [];

    /// <summary>Accept a tag that now points at other content than blocks.lock pins.</summary>
    public bool Update { get; set; }

    /// <summary>Registry <c>host[:port][/prefix]</c> for references without host; default $POLYCRATE_REGISTRY_URL.</summary>
    public string? Registry { get; set; }

    /// <summary>Registries (host or host:port) spoken to over plain HTTP; loopback registries always are.</summary>
    public string[] InsecureRegistries { get; set; } = [];

    /// <summary>What was installed: <c>reference@digest</c>, with metadata Digest, InstallDirectory, BlockName, Version.</summary>
    [Output]
    public ITaskItem[] Installed { get; set; } = [];

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var results = (await CreateEngine(loggers, reporter).PullBlocksAsync(WorkspaceRequest, new BlockPullRequest
        {
            References = References,
            Update = Update,
            Registry = Registry,
            InsecureRegistries = InsecureRegistries,
        }, cancellationToken)).Value;

        Installed = results.Select(ToItem).ToArray();
        foreach (var result in results)
        {
            Log.LogMessage(MessageImportance.High, "Polycrate: installed {0} into {1}", result.Reference.WithDigest(result.Digest).ToString(), result.Directory);
        }
    }

    private static Microsoft.Build.Utilities.TaskItem ToItem(BlockInstallResult result)
    {
        var item = new Microsoft.Build.Utilities.TaskItem(result.Reference.ToString());
        item.SetMetadata("Digest", result.Digest);
        item.SetMetadata("InstallDirectory", result.Directory);
        item.SetMetadata("BlockName", result.Name);
        item.SetMetadata("Version", result.Version ?? string.Empty);
        return item;
    }
}
