using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Reporting;

/// <summary>
/// Writes a JUnit XML report of a run for CI systems: one test case per step or action target (image and block
/// installs too, so a failed image build shows up), failures carrying the target's error and its output tail.
/// Workflow targets are the suite, not a case. Used by all three front ends through the runner.
/// </summary>
public static class JUnitReportWriter
{
    public static XDocument Render(JUnitReport report)
    {
        var cases = report.Summary.Results.Where(r => r.Target.Kind != TargetKind.Workflow).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", report.SuiteName),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(r => r.IsFailure)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", cases.Count(r => r.Status is TargetStatus.Skipped or TargetStatus.NotRun)),
            new XAttribute("time", Seconds(cases.Sum(r => r.Duration.TotalSeconds))),
            cases.Select(r => RenderCase(report, r)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    /// <summary>Writes the report atomically (temp file + move) so a CI job never picks up half a file.</summary>
    public static async Task WriteAsync(string path, JUnitReport report, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using (var stream = File.Create(temp))
        await using (var writer = XmlWriter.Create(stream, settings))
        {
            await Render(report).SaveAsync(writer, cancellationToken);
        }

        File.Move(temp, full, overwrite: true);
    }

    private static XElement RenderCase(JUnitReport report, TargetResult result)
    {
        var target = result.Target;
        var element = new XElement("testcase",
            new XAttribute("classname", ClassName(report, target)),
            new XAttribute("name", CaseName(target)),
            new XAttribute("time", Seconds(result.Duration.TotalSeconds)));
        report.OutputTails.TryGetValue(target.Id, out var tail);
        if (result.IsFailure)
        {
            var message = result.Message ?? (result.Status == TargetStatus.Canceled ? "canceled" : $"failed with exit code {result.ExitCode}");
            element.Add(new XElement("failure",
                new XAttribute("message", message),
                new XAttribute("type", result.Status.ToString()),
                FailureText(message, tail)));
        }
        else if (result.Status is TargetStatus.Skipped or TargetStatus.NotRun)
        {
            element.Add(new XElement("skipped", new XAttribute("message",
                result.Status == TargetStatus.NotRun ? "not run: an earlier target failed" : "skipped: its when: condition did not hold")));
        }

        if (tail is { Count: > 0 })
        {
            element.Add(new XElement("system-out", string.Join('\n', tail)));
        }

        return element;
    }

    private static string ClassName(JUnitReport report, Target target) =>
        target.Workflow ?? (target.Block is not null ? $"{report.SuiteName}.{target.Block}" : report.SuiteName);

    private static string CaseName(Target target) => target.Kind switch
    {
        TargetKind.Step => target.Step!,
        TargetKind.Action => $"{target.Block} {target.Action}",
        _ => target.Id,
    };

    private static string FailureText(string message, IReadOnlyList<string>? tail) =>
        tail is { Count: > 0 } ? message + "\n--- output (last lines) ---\n" + string.Join('\n', tail) : message;

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
