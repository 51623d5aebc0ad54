using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Checks a pulled block before it replaces the installed one: its block.poly parses with the engine's block parser,
/// its <c>name</c> is the full registry path or a trailing part of it (path without host, last component), and its <c>version</c> equals the tag
/// when the reference names a version (a digest reference and <c>latest</c> skip that check).
/// </summary>
internal static class PulledBlockValidator
{
    public static Block Validate(string directory, string blockFileName, ImageReference reference)
    {
        var path = Path.Combine(directory, blockFileName);
        if (!File.Exists(path))
        {
            throw new InvalidBlockArtifactException(reference, $"it contains no {blockFileName} at its root, so it is not a Polycrate block");
        }

        var diagnostics = new DiagnosticBag();
        // Same reader and limits as a workspace load (regular file, size, YAML depth and aliases): a hostile block.poly
        // ends as PCB4008 here, and the pull removes its staging folder.
        var block = BlockFileReader.ReadAsync(path, diagnostics, InputLimits.FromEnvironment(Environment.GetEnvironmentVariable), CancellationToken.None)
            .GetAwaiter().GetResult();
        var errors = diagnostics.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || block is null)
        {
            // Diagnostics name the staging path; say which file of the artifact it is instead.
            var details = errors.Count == 0 ? $"{blockFileName} is empty" : MessageText.List(errors.Select(e => $"{blockFileName}:{e.Location.Line}:{e.Location.Column}: {e.Message}"), "; ", maxItems: 5);
            throw new InvalidBlockArtifactException(reference, $"its {blockFileName} is invalid ({details})");
        }

        // Real blocks name themselves by the full path, the path without host (ayedo/k8s/harbor) or the last component.
        var shortName = reference.Repository[(reference.Repository.LastIndexOf('/') + 1)..];
        if (block.Name != reference.RepositoryReference && !reference.RepositoryReference.EndsWith("/" + block.Name, StringComparison.Ordinal))
        {
            throw new InvalidBlockArtifactException(reference,
                $"its {blockFileName} names the block '{block.Name}', expected '{reference.RepositoryReference}', a trailing part of it, or '{shortName}'");
        }

        if (reference.Digest is null && reference.Tag is { } tag && tag != "latest" && block.Version != tag)
        {
            throw new InvalidBlockArtifactException(reference,
                $"its {blockFileName} has version '{block.Version ?? "(none)"}', but the tag is '{tag}'");
        }

        return block;
    }
}
