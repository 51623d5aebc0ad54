using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Shows a run on the console: a line when a target starts and ends (stderr), action output live (stdout/stderr as the
/// action wrote it; prefixed with the step name when steps run in parallel), and a summary table at the end.
/// </summary>
internal sealed class ConsoleRunObserver : IRunObserver
{
    private readonly CliContext _cli;
    private readonly bool _prefix;
    private readonly object _lock = new();

    public ConsoleRunObserver(CliContext cli, bool prefixOutput)
    {
        _cli = cli;
        _prefix = prefixOutput;
    }

    public void TargetStarted(Target target)
    {
        if (target.Kind != TargetKind.Workflow)
        {
            Write(_cli.Stderr, $"==> {Describe(target)}");
        }
    }

    public void TargetFinished(TargetResult result)
    {
        if (result.Target.Kind == TargetKind.Workflow)
        {
            return;
        }

        var detail = result.Message is null ? string.Empty : $": {result.Message}";
        Write(_cli.Stderr, $"<== {Describe(result.Target)} {TargetStatusNames.Of(result.Status)} ({result.Duration.TotalSeconds:0.0}s){detail}");
    }

    public void Output(Target target, string line, bool isError) =>
        Write(isError ? _cli.Stderr : _cli.Stdout, _prefix ? $"[{target.Step ?? target.Action}] {line}" : line);

    public void WriteSummary(RunReport report)
    {
        var rows = report.Summary.Results.Where(r => r.Target.Kind is not TargetKind.Workflow).ToList();
        var nameWidth = Math.Max(6, rows.Count == 0 ? 0 : rows.Max(r => Describe(r.Target).Length));
        var statusWidth = Math.Max(6, rows.Count == 0 ? 0 : rows.Max(r => TargetStatusNames.Of(r.Status).Length));
        lock (_lock)
        {
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
            writer.WriteLine(line);
        }
    }
}
