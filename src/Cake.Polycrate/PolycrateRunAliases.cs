using Cake.Core;
using Cake.Core.Annotations;
using Cake.Polycrate.Internal;

namespace Cake.Polycrate;

/// <summary>Runs one action of one block of a Polycrate workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycrateRunAliases
{
    /// <summary>Runs <paramref name="action"/> of <paramref name="block"/>, like <c>polycrate-build run BLOCK ACTION</c>.</summary>
    /// <example><code>PolycrateRun("edge-ota", "ota-update", new PolycrateRunSettings { Force = true });</code></example>
    /// <exception cref="CakeException">The workspace is invalid or the action failed (the exit code is the action's).</exception>
    [CakeMethodAlias]
    public static void PolycrateRun(this ICakeContext context, string block, string action, PolycrateRunSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        new CakeEngineAdapter(context, settings ?? new PolycrateRunSettings()).Run(global::Polycrate.Build.Runs.RunRequest.ForAction(block, action));
    }
}
