using Polycrate.Build.Text;

namespace Polycrate.Build.Model;

/// <summary>
/// The one definition of what <c>config.container.docker_flags</c> may say (flags written for <c>docker run</c>; we start
/// containers through the engine API, so only flags with a clear API meaning are translated). The loader checks a
/// workspace with it (<c>Loading.DockerFlagsCheck</c>: a flag without an API meaning is a warning at its
/// file:line:col and is left out, a malformed value of an accepted flag an error), and a run translates the accepted
/// flags into container settings (<c>Execution.DockerFlags</c>). <c>$(id -u)</c> and <c>$(id -g)</c> (seen
/// in the product documents) expand to this process's ids.
/// </summary>
internal static class DockerFlagRules
{
    /// <summary>The accepted flags, for messages and docs.</summary>
    public const string Supported = "--privileged, --network/--net NAME, -v/--volume HOST:CTR[:ro], -e/--env K=V, -u/--user USER, --cap-add CAP, --add-host HOST:IP, --init, --rm (no effect: containers are always removed)";

    /// <summary>The fix every problem shares.</summary>
    public const string Hint = "supported flags: " + Supported;

    /// <summary>Spellings → the canonical name; true when the flag takes a value.</summary>
    private static readonly Dictionary<string, (string Name, bool TakesValue)> Flags = new(StringComparer.Ordinal)
    {
        ["--privileged"] = ("--privileged", false),
        ["--network"] = ("--network", true),
        ["--net"] = ("--network", true),
        ["-v"] = ("--volume", true),
        ["--volume"] = ("--volume", true),
        ["-e"] = ("--env", true),
        ["--env"] = ("--env", true),
        ["-u"] = ("--user", true),
        ["--user"] = ("--user", true),
        ["--cap-add"] = ("--cap-add", true),
        ["--add-host"] = ("--add-host", true),
        ["--init"] = ("--init", false),
        ["--rm"] = ("--rm", false),
    };

    /// <summary>
    /// Splits the entries into flags (an entry may hold several words; a value may be the next entry's first word) and
    /// checks each against the rules. <see cref="DockerFlagReading.Problems"/> holds every entry that breaks them;
    /// <see cref="DockerFlagReading.Flags"/> holds only the accepted ones.
    /// </summary>
    public static DockerFlagReading Read(IReadOnlyList<string> entries)
    {
        var words = entries.SelectMany((entry, index) => ShellWords.Split(ExpandIds(entry)).Select(word => (Word: word, Entry: index))).ToList();
        var flags = new List<DockerFlag>();
        var problems = new List<DockerFlagProblem>();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, entry) = words[i];
            var (spelling, inline) = word.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (word, null);
            // A switch takes docker's --flag=true/false too.
            if (!Flags.TryGetValue(spelling, out var rule) || (!rule.TakesValue && inline is not (null or "true" or "false")))
            {
                problems.Add(new DockerFlagProblem(entry, word, $"'{word}' is not supported", Unsupported: true));
                // Its value ('--shm-size 1g') is no flag of its own: one problem, not two.
                if (inline is null && i + 1 < words.Count && words[i + 1].Entry == entry && !words[i + 1].Word.StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            var value = rule.TakesValue ? inline ?? (i + 1 < words.Count ? words[++i].Word : null) : inline;
            if (rule.TakesValue && value is null)
            {
                problems.Add(new DockerFlagProblem(entry, word, $"'{spelling}' needs a value", Unsupported: false));
                continue;
            }

            if (rule.Name == "--volume" && !IsVolume(value!))
            {
                problems.Add(new DockerFlagProblem(entry, value!, $"'{value}' is not HOST:CONTAINER[:ro]", Unsupported: false));
                continue;
            }

            flags.Add(new DockerFlag(rule.Name, value, entry));
        }

        return new DockerFlagReading(flags, problems);
    }

    /// <summary>HOST:CONTAINER with an absolute container path, optionally :ro or :rw.</summary>
    private static bool IsVolume(string value)
    {
        var parts = value.Split(':');
        return parts.Length is 2 or 3 && parts[1].StartsWith('/') && (parts.Length == 2 || parts[2] is "ro" or "rw");
    }

    private static string ExpandIds(string word) =>
        word.Contains("$(id -", StringComparison.Ordinal)
            ? word.Replace("$(id -u)", ProcessId("Uid:"), StringComparison.Ordinal).Replace("$(id -g)", ProcessId("Gid:"), StringComparison.Ordinal)
            : word;

    /// <summary>The effective uid/gid from /proc/self/status (fields: real, effective, saved, filesystem).</summary>
    private static string ProcessId(string field) =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))?
            .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "0";
}

/// <summary>One accepted flag: its canonical name (<c>--volume</c> for <c>-v</c> …), its value (a switch: null, "true" or "false"), the index of its entry.</summary>
internal sealed record DockerFlag(string Name, string? Value, int Entry);

/// <summary>
/// An entry that breaks the rules: its index, the word at fault (to find its column), what is wrong, and whether the flag
/// has no API meaning (<c>Unsupported</c>: left out with a warning) rather than a malformed value (an error).
/// </summary>
internal sealed record DockerFlagProblem(int Entry, string Word, string What, bool Unsupported);

/// <summary>What <see cref="DockerFlagRules.Read"/> found.</summary>
internal sealed record DockerFlagReading(IReadOnlyList<DockerFlag> Flags, IReadOnlyList<DockerFlagProblem> Problems);
