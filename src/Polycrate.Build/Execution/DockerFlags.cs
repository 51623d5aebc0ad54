using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// Translates <c>config.container.docker_flags</c> (written for <c>docker run</c>) into engine API settings before the
/// action's snapshot is written, so the snapshot shows the mounts and variables they add. We talk to
/// the engine directly, so only flags with a clear API meaning are accepted; anything else is an error that lists them.
/// <c>$(id -u)</c> and <c>$(id -g)</c> (seen in the product documents) expand to this process's ids.
/// </summary>
internal static class DockerFlags
{
    public const string Supported = "--privileged, --network/--net NAME, -v/--volume HOST:CTR[:ro], -e/--env K=V, -u/--user USER, --cap-add CAP, --add-host HOST:IP, --init, --rm (no effect: containers are always removed)";

    /// <summary>
    /// Parses <paramref name="flags"/> (each entry may hold several words). <c>-e NAME</c> without a value takes NAME from
    /// <paramref name="getVariable"/> (this process's environment by default). Throws <see cref="ActionException"/>
    /// (PCB3054, exit code 2) for a flag without an API meaning or a malformed value.
    /// </summary>
    public static DockerFlagSettings Parse(IReadOnlyList<string> flags, Func<string, string?>? getVariable = null)
    {
        if (flags.Count == 0)
        {
            return DockerFlagSettings.None;
        }

        getVariable ??= Environment.GetEnvironmentVariable;
        var words = flags.Select(ExpandIds).SelectMany(ShellWords.Split).ToList();
        var container = new ContainerSettings();
        var mounts = new List<MountEntry>();
        var env = new List<EnvironmentEntry>();
        var capAdd = new List<string>();
        var hosts = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var (name, inline) = words[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (words[i], null);
            string Value() => inline ?? (i + 1 < words.Count ? words[++i] : throw Error($"'{name}' needs a value"));
            switch (name)
            {
                case "--privileged":
                    container = container with { Privileged = true };
                    break;
                case "--network" or "--net":
                    container = container with { NetworkMode = Value() };
                    break;
                case "-v" or "--volume":
                    var parts = Value().Split(':');
                    if (parts.Length is < 2 or > 3 || !parts[1].StartsWith('/') || (parts.Length == 3 && parts[2] is not ("ro" or "rw")))
                    {
                        throw Error($"'{string.Join(':', parts)}' is not HOST:CONTAINER[:ro]");
                    }

                    mounts.Add(new MountEntry(parts[0], parts[1], parts.Length == 3 && parts[2] == "ro"));
                    break;
                case "-e" or "--env":
                    var assignment = Value().Split('=', 2);
                    env.Add(new(assignment[0], assignment.Length == 2 ? assignment[1] : getVariable(assignment[0]) ?? string.Empty));
                    break;
                case "-u" or "--user":
                    container = container with { User = Value() };
                    break;
                case "--cap-add":
                    capAdd.Add(Value());
                    break;
                case "--add-host":
                    hosts.Add(Value());
                    break;
                case "--init":
                    container = container with { Init = true };
                    break;
                case "--rm":
                    // Written for 'docker run'; every action container is removed after its run anyway.
                    break;
                default:
                    throw Error($"'{words[i]}' is not supported");
            }
        }

        return new DockerFlagSettings(container with { CapAdd = capAdd, ExtraHosts = hosts }, mounts, env);
    }

    private static ActionException Error(string what) =>
        new($"config.container.docker_flags: {what}", $"supported flags: {Supported}", ActionException.DockerFlagCode, exitCode: 2);

    private static string ExpandIds(string word) =>
        word.Contains("$(id -", StringComparison.Ordinal)
            ? word.Replace("$(id -u)", ProcessId("Uid:"), StringComparison.Ordinal).Replace("$(id -g)", ProcessId("Gid:"), StringComparison.Ordinal)
            : word;

    /// <summary>The effective uid/gid from /proc/self/status (fields: real, effective, saved, filesystem).</summary>
    private static string ProcessId(string field) =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))?
            .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "0";
}
