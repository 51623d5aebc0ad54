using Polycrate.Build.Registry;
namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Packs one block of a loaded workspace into an OCI image layout at <c>&lt;output&gt;/&lt;block name&gt;/</c>
/// (<see cref="OciLayoutWriter"/>), planned exactly like a push (<see cref="BlockArtifactPlanner"/>), so the layout's
/// manifest digest is the digest the registry reports once the block is pushed. Talks to no registry.
/// </summary>
internal sealed class BlockPackService(Func<string, string?> getEnvironmentVariable)
{
    public async Task<BlockPackResult> PackAsync(Model.Workspace workspace, BlockPushOptions options, string outputDirectory, CancellationToken cancellationToken)
    {
        var plan = new BlockArtifactPlanner(getEnvironmentVariable).Plan(workspace, options);
        var directory = Path.Combine(Path.GetFullPath(outputDirectory), LayoutName(options.BlockName));
        var manifest = await OciLayoutWriter.WriteAsync(plan, directory, cancellationToken);
        return new BlockPackResult(plan.Reference, manifest.Digest, directory);
    }

    /// <summary>Block names may hold '/' (registry names): one flat folder per block.</summary>
    private static string LayoutName(string blockName) =>
        new(blockName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
