using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// Translates <c>config.container.docker_flags</c> (written for <c>docker run</c>) into engine API settings before the
/// action's snapshot is written, so the snapshot shows the mounts and variables they add. Which flags are accepted is
/// <see cref="DockerFlagRules"/> (the loader checks a workspace with the same rules, at each entry's line).
/// </summary>
internal static class DockerFlags
{
    /// <summary>The accepted flags, for messages (<see cref="DockerFlagRules.Supported"/>).</summary>
    public const string Supported = DockerFlagRules.Supported;

    /// <summary>
    /// Parses <paramref name="flags"/> (each entry may hold several words). <c>-e NAME</c> without a value takes NAME from
    /// <paramref name="getVariable"/> (this process's environment by default). A flag without an API meaning is left out
    /// (the loader warned at its line, PCB1021). Throws <see cref="ActionException"/> (PCB3054, exit code 2) for a
    /// malformed value of an accepted flag — which a loaded workspace never has.
    /// </summary>
    public static DockerFlagSettings Parse(IReadOnlyList<string> flags, Func<string, string?>? getVariable = null)
    {
        if (flags.Count == 0)
        {
            return DockerFlagSettings.None;
        }

        var reading = DockerFlagRules.Read(flags);
        if (reading.Problems.FirstOrDefault(p => !p.Unsupported) is { } malformed)
        {
            throw new ActionException($"config.container.docker_flags: {malformed.What}", DockerFlagRules.Hint, ActionException.DockerFlagCode, exitCode: 2);
        }

        getVariable ??= Environment.GetEnvironmentVariable;
        var container = new ContainerSettings();
        var mounts = new List<MountEntry>();
        var env = new List<EnvironmentEntry>();
        var capAdd = new List<string>();
        var hosts = new List<string>();
        foreach (var flag in reading.Flags)
        {
            var value = flag.Value ?? string.Empty;
            switch (flag.Name)
            {
                case "--privileged":
                    container = container with { Privileged = value != "false" };
                    break;
                case "--network":
                    container = container with { NetworkMode = value };
                    break;
                case "--volume":
                    var parts = value.Split(':');
                    mounts.Add(new MountEntry(parts[0], parts[1], parts.Length == 3 && parts[2] == "ro"));
                    break;
                case "--env":
                    var assignment = value.Split('=', 2);
                    env.Add(new(assignment[0], assignment.Length == 2 ? assignment[1] : getVariable(assignment[0]) ?? string.Empty));
                    break;
                case "--user":
                    container = container with { User = value };
                    break;
                case "--cap-add":
                    capAdd.Add(value);
                    break;
                case "--add-host":
                    hosts.Add(value);
                    break;
                case "--init":
                    container = container with { Init = value != "false" };
                    break;
                default:
                    // --rm: written for 'docker run'; every action container is removed after its run anyway.
                    break;
            }
        }

        return new DockerFlagSettings(container with { CapAdd = capAdd, ExtraHosts = hosts }, mounts, env);
    }
}
