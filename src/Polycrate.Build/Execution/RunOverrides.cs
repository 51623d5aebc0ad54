using System.Globalization;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// Applies what a command line sets for one run (<c>-e</c>, <c>-m</c>, <c>--loglevel</c>) to a loaded workspace: as
/// extra <c>extraenv</c> / <c>extramounts</c> entries after the workspace's own, so the action environment builder
/// treats them like the workspace's and the command line wins.
/// </summary>
internal static class RunOverrides
{
    /// <summary>The workspace with the run's entries appended; the same instance when the options add nothing.</summary>
    public static Workspace Apply(Workspace workspace, RunOptions options)
    {
        var env = new List<EnvironmentEntry>();
        if (options.LogLevel is { } level)
        {
            env.Add(new EnvironmentEntry("ANSIBLE_VERBOSITY", level.ToString(CultureInfo.InvariantCulture)));
            env.Add(new EnvironmentEntry("ANSIBLE_DEBUG", level > 2 ? "True" : "False"));
        }

        env.AddRange(options.ExtraEnv);
        if (env.Count == 0 && options.ExtraMounts.Count == 0)
        {
            return workspace;
        }

        return workspace with
        {
            // extraenv comes before config.container.env in the builder; the run's entries must come last, so they go there.
            Settings = workspace.Settings with { ContainerEnv = [.. workspace.Settings.ContainerEnv, .. env] },
            ExtraMounts = [.. workspace.ExtraMounts, .. options.ExtraMounts],
        };
    }

    /// <summary>Parses <c>KEY=VALUE</c> (the value may contain '='); null when there is no key.</summary>
    public static EnvironmentEntry? ParseEnv(string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        return separator <= 0 ? null : new EnvironmentEntry(text[..separator], text[(separator + 1)..]);
    }

    /// <summary>Parses <c>SRC:DST[:ro|:rw]</c>; SRC is made absolute against <paramref name="baseDirectory"/>; null when malformed.</summary>
    public static MountEntry? ParseMount(string text, string baseDirectory)
    {
        var parts = text.Split(':');
        var valid = parts.Length == 2 || (parts.Length == 3 && parts[2] is "ro" or "rw");
        if (!valid || parts[0].Length == 0 || !parts[1].StartsWith('/'))
        {
            return null;
        }

        return new MountEntry(Path.GetFullPath(parts[0], baseDirectory), parts[1], ReadOnly: parts.Length == 3 && parts[2] == "ro");
    }
}
