using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Polycrate;

/// <summary>Pulls a block from its OCI registry into the workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycratePullBlockAliases
{
    /// <summary>Pulls <paramref name="reference"/> (<c>registry/path/name:version</c>) into the workspace's blocks folder.</summary>
    /// <example><code>PolycratePullBlock("registry.acme-corp.com/acme/iot/edge-ota:0.1.0");</code></example>
    /// <exception cref="CakeException">The registry refused the pull or the block is not there.</exception>
    [CakeMethodAlias]
    public static void PolycratePullBlock(this ICakeContext context, string reference, PolycratePullBlockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new CakeException(1, $"pulling '{reference}' needs the block registry client, which this build of Cake.Polycrate does not include yet");
    }
}
