using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Where one step's time in a shared container goes: monotonic timestamps of its phases (staging, exec create/start,
/// end of output, exit code, leftover check) and how many execs and engine requests it cost, written as one debug line
/// (<c>-v</c>) when the step ends. Costs nothing but a timestamp per phase when debug logging is off.
/// </summary>
internal sealed class StepTimeline
{
    private readonly ILogger _logger;
    private readonly DockerClient _client;
    private readonly bool _enabled;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly long _requestsAtStart;
    private readonly long _execsAtStart;
    private readonly List<(string Phase, long At)> _marks = [];
    private readonly Lock _lock = new();
    private string? _note;

    public StepTimeline(ILogger logger, DockerClient client)
    {
        _logger = logger;
        _client = client;
        _enabled = logger.IsEnabled(LogLevel.Debug);
        _requestsAtStart = client.RequestCount;
        _execsAtStart = client.ExecCount;
    }

    /// <summary>Records that <paramref name="phase"/> ended now.</summary>
    public void Mark(string phase)
    {
        if (!_enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _marks.Add((phase, now));
        }
    }

    /// <summary>Whether the line is written (debug logging on): work done only for it can be skipped otherwise.</summary>
    public bool Enabled => _enabled;

    /// <summary>A remark for the line, e.g. how Ansible started (<see cref="WarmStart"/>).</summary>
    public void Note(string note) => _note = note;

    /// <summary>Writes the phases (milliseconds since the step started), exec and request counts at debug level.</summary>
    public void Log(string containerId)
    {
        if (!_enabled)
        {
            return;
        }

        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (var (phase, at) in _marks)
            {
                text.Append(CultureInfo.InvariantCulture, $"{phase} +{Stopwatch.GetElapsedTime(_start, at).TotalMilliseconds:F0} ms, ");
            }
        }

        _logger.LogDebug("Step in container {Id}: {Phases}{Execs} exec(s), {Requests} engine request(s){Note}", containerId[..Math.Min(12, containerId.Length)],
            text.ToString(), _client.ExecCount - _execsAtStart, _client.RequestCount - _requestsAtStart, _note is null ? "" : ", " + _note);
    }
}
