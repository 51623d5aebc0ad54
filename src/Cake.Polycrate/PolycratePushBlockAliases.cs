using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Polycrate.Internal;
using Polycrate.Build.WorkspaceBlocks;

namespace Cake.Polycrate;

/// <summary>Packs a block and pushes it to its OCI registry.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycratePushBlockAliases
{
    /// <summary>
    /// Pushes a block of the workspace, tagged with its <c>version</c>, and returns <c>host/path:version@sha256:…</c>.
    /// Re-pushing identical content uploads nothing; a version tag holding other content fails unless <c>Force</c>.
    /// Credentials: POLYCRATE_REGISTRY_* variables, then the Docker config and its credential helpers.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="block">The block's name, or the path of its folder or block.poly.</param>
    /// <param name="settings">Registry, tags and workspace; defaults push to the block's own registry.</param>
    /// <example><code>var pushed = PolycratePushBlock("registry.acme-corp.com/acme/iot/edge-ota");</code></example>
    /// <exception cref="CakeException">The block cannot be published or the registry refused the push.</exception>
    [CakeMethodAlias]
    public static string PolycratePushBlock(this ICakeContext context, string block, PolycratePushBlockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(block);
        settings ??= new PolycratePushBlockSettings();
        var engine = new CakeEngineAdapter(context, settings);
        var result = engine.Invoke((facade, token) => facade.PushBlockAsync(engine.Workspace, [.. settings.InsecureRegistries],
            (workspace, _) => Task.FromResult<BlockPushOptions?>(new BlockPushOptions(NameOf(context, workspace, block))
            {
                Registry = settings.Registry,
                Force = settings.Force,
                TagLatest = settings.TagLatest,
                Source = settings.Source,
            }), token)).Value!;
        var pushed = $"{result.Reference.RepositoryReference}:{result.Reference.Tag}@{result.Digest}";
        context.Log.Information("Polycrate: pushed {0} ({1} bytes uploaded{2})", pushed, result.BytesUploaded,
            result.AlreadyPresent ? "; the tag already held this content" : string.Empty);
        return pushed;
    }

    /// <summary>A block name as is; otherwise a folder or block.poly path (relative to the Cake working directory) of a block.</summary>
    private static string NameOf(ICakeContext context, global::Polycrate.Build.Model.Workspace workspace, string block)
    {
        if (workspace.FindBlock(block) is not null)
        {
            return block;
        }

        var path = Path.GetFullPath(block, context.Environment.WorkingDirectory.FullPath);
        var file = Directory.Exists(path) ? Path.Combine(path, workspace.Settings.BlocksConfig) : path;
        return File.Exists(file) ? PublishableBlocks.NameOf(workspace, file) ?? block : block;
    }
}
