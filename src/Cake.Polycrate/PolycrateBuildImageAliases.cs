using Cake.Core;
using Cake.Core.Annotations;
using Cake.Polycrate.Internal;

namespace Cake.Polycrate;

/// <summary>Builds or pulls the toolchain image of a Polycrate workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycrateBuildImageAliases
{
    /// <summary>
    /// Builds the toolchain image from the workspace's Dockerfile.poly (skipped by the engine when its inputs are
    /// unchanged), or pulls the configured image. Returns the image tag.
    /// </summary>
    /// <example><code>var tag = PolycrateBuildImage();</code></example>
    /// <exception cref="CakeException">The image could not be built or pulled.</exception>
    [CakeMethodAlias]
    public static string PolycrateBuildImage(this ICakeContext context, PolycrateBuildImageSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var engine = new CakeEngineAdapter(context, settings ?? new PolycrateBuildImageSettings());
        return engine.Invoke((facade, ct) => facade.BuildImageAsync(engine.Options, ct)).Value.Tag;
    }
}
