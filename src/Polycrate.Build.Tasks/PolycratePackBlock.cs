using Microsoft.Build.Framework;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Packs a block into an OCI image layout at <c>OutputDirectory/&lt;block name&gt;/</c> (oci-layout, index.json,
/// blobs/sha256/…): the same deterministic artifact <see cref="PolycratePushBlock"/> pushes, so <see cref="PolycrateBlockTask.Digest"/>
/// is the digest the registry reports. Inspect or copy it with <c>skopeo inspect oci:DIR:VERSION</c>. No registry is contacted.
/// </summary>
public sealed class PolycratePackBlock : PolycrateBlockTask
{
    /// <summary>Where the layout is written: a directory per block below it (absolute, or relative to the project).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The OCI layout directory written.</summary>
    [Output]
    public string? LayoutDirectory { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var packed = await CreateEngine(loggers, reporter).PackBlockAsync(WorkspaceRequest, OutputDirectory,
            (workspace, token) => SelectAsync(workspace, force: false, tagLatest: false, token), cancellationToken);
        if (packed.Value is not { } result)
        {
            return;
        }

        Reference = result.Reference.ToString();
        Digest = result.Digest;
        LayoutDirectory = result.LayoutDirectory;
        Log.LogMessage(MessageImportance.High, "Polycrate: packed {0}@{1} -> {2}", Reference, Digest, LayoutDirectory);
    }
}
