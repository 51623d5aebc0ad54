using System.Diagnostics;
using System.Globalization;

namespace Polycrate.Build.PrivateRuns;

/// <summary>
/// The process that owns a run directory, a container or a staging folder: process id, host (name and pid namespace)
/// and the process's start time. The start time tells a live owner from a new process that reuses a dead owner's pid. On Linux it is
/// field 22 of <c>/proc/&lt;pid&gt;/stat</c> (clock ticks since boot), elsewhere <see cref="Process.StartTime"/> in
/// UTC ticks; either way only equality is compared, on the same host.
/// </summary>
internal sealed record ProcessOwner(int Pid, string Host, long StartTime)
{
    /// <summary>Container label keys (values: decimal pid, host name, decimal start time).</summary>
    public const string PidLabel = "polycrate.owner.pid";
    public const string HostLabel = "polycrate.owner.host";
    public const string StartLabel = "polycrate.owner.start";

    private static readonly Lazy<ProcessOwner> CurrentOwner = new(() =>
        new ProcessOwner(Environment.ProcessId, HostIdentity(), ReadStartTime(Environment.ProcessId) ?? 0));

    /// <summary>This process.</summary>
    public static ProcessOwner Current => CurrentOwner.Value;

    /// <summary>The three owner labels for a container this process creates.</summary>
    public IEnumerable<KeyValuePair<string, string>> Labels =>
    [
        new(PidLabel, Pid.ToString(CultureInfo.InvariantCulture)),
        new(HostLabel, Host),
        new(StartLabel, StartTime.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>A file-name-safe token (<c>&lt;pid&gt;-&lt;start&gt;</c>) for staging names; the host is not part of it.</summary>
    public string Token => string.Create(CultureInfo.InvariantCulture, $"{Pid}-{StartTime}");

    /// <summary>The owner from container labels; null when a label is missing or malformed (then the container is left alone).</summary>
    public static ProcessOwner? FromLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(PidLabel, out var pid) && labels.TryGetValue(HostLabel, out var host) && labels.TryGetValue(StartLabel, out var start)
        && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
        && long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? new ProcessOwner(p, host, s)
            : null;

    /// <summary>The owner of a <see cref="Token"/> on this host; null when <paramref name="token"/> is not one.</summary>
    public static ProcessOwner? FromToken(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && int.TryParse(token.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(token.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                ? new ProcessOwner(pid, Current.Host, start)
                : null;
    }

    /// <summary>
    /// True only when the owner certainly ended: same host, and no process with that pid, or one that started at
    /// another time. An owner on another host is never considered gone (its liveness cannot be checked from here).
    /// </summary>
    public bool IsGone()
    {
        if (!string.Equals(Host, Current.Host, StringComparison.Ordinal))
        {
            return false;
        }

        var start = ReadStartTime(Pid);
        return start is null || start.Value != StartTime;
    }

    /// <summary>
    /// The host name plus, on Linux, the pid namespace (<c>myhost/pid:[4026531836]</c>): a CLI in a container that shares
    /// the host's name (host network) and engine sees other pids, so its processes must never be judged from here.
    /// </summary>
    private static string HostIdentity()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Environment.MachineName;
        }

        try
        {
            return new FileInfo("/proc/self/ns/pid").LinkTarget is { } ns ? $"{Environment.MachineName}/{ns}" : Environment.MachineName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Environment.MachineName;
        }
    }

    /// <summary>The start time of <paramref name="pid"/>, or null when no such process exists.</summary>
    internal static long? ReadStartTime(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            // "pid (comm) state ppid …": comm may contain spaces and ')', so fields are counted after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
