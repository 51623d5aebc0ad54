using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Shows a run on the console: a line when a target starts and ends (stderr), action output live (stdout/stderr as the
/// action wrote it; prefixed with the step name when steps run in parallel), and a summary table at the end. While a
/// step prints nothing, a live status line (step, elapsed time, done/total) on a terminal, redrawn in place and erased
/// before the next output; without a terminal a plain "still running" line every 30 s of silence instead.
/// </summary>
internal sealed class ConsoleRunObserver : IRunObserver, IDisposable
{
    private static readonly TimeSpan TerminalQuiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PlainQuiet = TimeSpan.FromSeconds(30);

    private readonly CliContext _cli;
    private readonly bool _prefix;
    private readonly bool _terminal;
    private readonly object _lock = new();
    private readonly RunStatus _status = new();
    private readonly Timer _ticker;
    private bool _statusShown;

    /// <param name="cli">Where to write.</param>
    /// <param name="prefixOutput">Prefix output lines with the step (steps run in parallel).</param>
    /// <param name="terminal">stderr is a terminal: redraw one status line in place; else plain lines.</param>
    public ConsoleRunObserver(CliContext cli, bool prefixOutput, bool terminal = false)
    {
        _cli = cli;
        _prefix = prefixOutput;
        _terminal = terminal;
        _ticker = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void RunPlanned(IReadOnlyList<Target> targets) => _status.Planned(targets.Count(t => t.Kind != TargetKind.Workflow));

    public void TargetStarted(Target target)
    {
        if (target.Kind != TargetKind.Workflow)
        {
            _status.Started(target, Describe(target));
            Write(_cli.Stderr, $"==> {Describe(target)}");
        }
    }

    public void TargetFinished(TargetResult result)
    {
        if (result.Target.Kind == TargetKind.Workflow)
        {
            return;
        }

        _status.Finished(result.Target);
        var detail = result.Message is null ? string.Empty : $": {result.Message}";
        Write(_cli.Stderr, $"<== {Describe(result.Target)} {TargetStatusNames.Of(result.Status)} ({result.Duration.TotalSeconds:0.0}s){detail}");
    }

    public void Output(Target target, string line, bool isError)
    {
        _status.Touched();
        Write(isError ? _cli.Stderr : _cli.Stdout, _prefix ? $"[{target.Step ?? target.Action}] {line}" : line);
    }

    public void Dispose() => _ticker.Dispose();

    public void WriteSummary(RunReport report)
    {
        _ticker.Change(Timeout.Infinite, Timeout.Infinite);
        var rows = report.Summary.Results.Where(r => r.Target.Kind is not TargetKind.Workflow).ToList();
        var nameWidth = Math.Max(6, rows.Count == 0 ? 0 : rows.Max(r => Describe(r.Target).Length));
        var statusWidth = Math.Max(6, rows.Count == 0 ? 0 : rows.Max(r => TargetStatusNames.Of(r.Status).Length));
        lock (_lock)
        {
            ClearStatus();
            _cli.Stderr.WriteLine();
            _cli.Stderr.WriteLine($"{"target".PadRight(nameWidth)}  {"status".PadRight(statusWidth)}  {"duration",8}  exit");
            foreach (var row in rows)
            {
                _cli.Stderr.WriteLine($"{Describe(row.Target).PadRight(nameWidth)}  {TargetStatusNames.Of(row.Status).PadRight(statusWidth)}  {row.Duration.TotalSeconds,7:0.0}s  {row.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            }

            var outcome = report.Summary.Canceled ? "canceled" : report.Summary.Succeeded ? "succeeded" : "failed";
            _cli.Stderr.WriteLine($"run {report.TransactionId} {outcome} (exit code {report.Summary.ExitCode}); log: {report.LogPath ?? "(not written)"}");
        }
    }

    private static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Step => $"{target.Step} ({target.Block} {target.Action})",
        TargetKind.Action => $"{target.Block} {target.Action}",
        TargetKind.Image => "image",
        TargetKind.BlockInstall => $"install {target.Reference}",
        _ => target.Id,
    };

    private void Write(TextWriter writer, string line)
    {
        lock (_lock)
        {
            ClearStatus();
            writer.WriteLine(line);
        }
    }

    private void Tick()
    {
        var quiet = _terminal ? TerminalQuiet : PlainQuiet;
        if (_status.Silence < quiet || _status.Describe() is not { } status)
        {
            return;
        }

        lock (_lock)
        {
            if (_terminal)
            {
                _cli.Stderr.Write($"\r\e[2K… {status}");
                _cli.Stderr.Flush();
                _statusShown = true;
            }
            else
            {
                _cli.Stderr.WriteLine($"… still running: {status}");
                _status.Touched();
            }
        }
    }

    /// <summary>Erases the status line so the next line starts clean (call under the lock).</summary>
    private void ClearStatus()
    {
        if (_statusShown)
        {
            _cli.Stderr.Write("\r\e[2K");
            _statusShown = false;
        }
    }
}
