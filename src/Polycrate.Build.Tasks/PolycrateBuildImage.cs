using Microsoft.Build.Framework;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Builds the toolchain image from Dockerfile.poly, or pulls the configured image, then writes the stamp that makes
/// the PolycrateImage target incremental and the list of input files the engine used (the next build's Inputs).
/// </summary>
public sealed class PolycrateBuildImage : PolycrateRunTask
{
    /// <summary>Touched after a successful build; the target's Outputs.</summary>
    public string? StampFile { get; set; }

    /// <summary>Receives the engine's image input files, one per line.</summary>
    public string? InputsFile { get; set; }

    /// <summary>The toolchain image the actions run in (the built workspace image's tag, or the configured image).</summary>
    [Output]
    public string? ImageTag { get; set; }

    /// <summary>True when the image was built from Dockerfile.poly in this call; false when it was present or pulled.</summary>
    [Output]
    public bool Built { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var result = (await CreateEngine(loggers, reporter).BuildImageAsync(CreateOptions(), cancellationToken)).Value;
        ImageTag = result.Tag;
        // A plain image (no Dockerfile) has no build context: there Built means the engine pulled it.
        var plain = result.ContextHash.Length == 0;
        Built = result.Built && !plain;
        Log.LogMessage(MessageImportance.High, "Polycrate: toolchain image {0} {1}", result.Tag,
            plain ? result.Built ? "pulled" : "present" : result.Built ? "built" : "up to date");
        if (InputsFile is not null)
        {
            await WriteAsync(InputsFile, string.Join(Environment.NewLine, result.InputFiles.Select(Path.GetFullPath)), cancellationToken);
        }

        if (StampFile is not null)
        {
            await WriteAsync(StampFile, result.Tag, cancellationToken);
        }
    }

    private static async System.Threading.Tasks.Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, content + Environment.NewLine, cancellationToken);
    }
}
