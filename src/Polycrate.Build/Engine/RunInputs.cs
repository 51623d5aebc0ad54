using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Engine;

/// <summary>Parses the run inputs every front end takes as text (<c>-e</c>/<c>--env</c>, <c>-m</c>/<c>--mount</c>) into <see cref="RunOptions"/> entries.</summary>
public static class RunInputs
{
    /// <summary>Parses <c>KEY=VALUE</c> (the value may contain '='); null when there is no key.</summary>
    public static EnvironmentEntry? ParseEnv(string text) => RunOverrides.ParseEnv(text);

    /// <summary>
    /// Parses <c>SRC:DST[:ro|:rw]</c> (DST absolute in the container); SRC is made absolute against
    /// <paramref name="baseDirectory"/>; null when malformed. Whether SRC exists is the caller's check.
    /// </summary>
    public static MountEntry? ParseMount(string text, string baseDirectory) => RunOverrides.ParseMount(text, baseDirectory);
}
