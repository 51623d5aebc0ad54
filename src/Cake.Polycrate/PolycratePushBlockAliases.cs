using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Cake.Polycrate;

/// <summary>Packs a block and pushes it to its OCI registry.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycratePushBlockAliases
{
    /// <summary>Pushes the block in <paramref name="blockDirectory"/> (the folder of its block.poly) as <c>name:version</c>.</summary>
    /// <example><code>PolycratePushBlock("blocks/registry.acme-corp.com/acme/iot/edge-ota");</code></example>
    /// <exception cref="CakeException">The block is invalid or the registry refused the push.</exception>
    [CakeMethodAlias]
    public static void PolycratePushBlock(this ICakeContext context, DirectoryPath blockDirectory, PolycratePushBlockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new CakeException(1, $"pushing '{blockDirectory}' needs the block registry client, which this build of Cake.Polycrate does not include yet");
    }
}
