using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Polycrate.Internal;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;

namespace Cake.Polycrate;

/// <summary>Pulls a block from its OCI registry into the workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycratePullBlockAliases
{
    /// <summary>
    /// Installs <paramref name="reference"/> into the workspace at <c>blocks/&lt;host&gt;/&lt;path&gt;/</c> (atomically,
    /// validated) and pins its digest in blocks.lock. Returns the installed digest.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference"><c>host[:port]/path[:tag][@sha256:…]</c>; no tag means <c>latest</c>.</param>
    /// <param name="settings">Update, registry and workspace.</param>
    /// <example><code>PolycratePullBlock("registry.acme-corp.com/acme/iot/edge-ota:0.1.0");</code></example>
    /// <exception cref="CakeException">The registry refused the pull, the block is not there, or the tag moved away from its pin.</exception>
    [CakeMethodAlias]
    public static string PolycratePullBlock(this ICakeContext context, string reference, PolycratePullBlockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        settings ??= new PolycratePullBlockSettings();
        var runner = new CakeWorkspaceRunner(context, settings);
        var result = runner.InvokeEngine(async (loggers, token) =>
        {
            var workspace = await runner.LoadWorkspaceAsync(loggers, token);
            using var client = RegistryClientFactory.Create(RegistryAuthOptions.FromProcess(), settings.InsecureRegistries, loggers);
            return await new WorkspaceBlockInstaller(client, loggers.CreateLogger<WorkspaceBlockInstaller>())
                .InstallAsync(workspace, new BlockInstallOptions(reference)
                {
                    Update = settings.Update,
                    DefaultRegistry = DefaultRegistry.Resolve(settings.Registry, Environment.GetEnvironmentVariable),
                }, token);
        });
        context.Log.Information("Polycrate: installed {0} into {1}", result.Reference.WithDigest(result.Digest).ToString(), result.Directory);
        return result.Digest;
    }
}
