using System.Globalization;
using System.Xml.Linq;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Reporting;

/// <summary>
/// A JUnit XML report of a run, one test case per action or workflow step, so GitLab, GitHub and Azure DevOps show
/// results. A failed step's failure text is its error and the tail of its output.
/// </summary>
internal static class JUnitReportWriter
{
    public static async Task WriteAsync(string path, string suiteName, RunSummary summary, Func<string, string?> outputOf, CancellationToken cancellationToken)
    {
        var cases = summary.Results.Where(r => r.Target.Kind is TargetKind.Action or TargetKind.Step or TargetKind.Image or TargetKind.BlockInstall).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Status == TargetStatus.Failed)),
            new XAttribute("errors", cases.Count(c => c.Status == TargetStatus.Canceled)),
            new XAttribute("skipped", cases.Count(c => c.Status is TargetStatus.Skipped or TargetStatus.NotRun)),
            new XAttribute("time", Seconds(cases.Sum(c => c.Duration.TotalSeconds))),
            cases.Select(c => Case(c, outputOf(c.Target.Id))));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var stream = File.Create(path);
        await new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).SaveAsync(stream, SaveOptions.None, cancellationToken);
    }

    private static XElement Case(TargetResult result, string? output)
    {
        var target = result.Target;
        var element = new XElement("testcase",
            new XAttribute("classname", target.Workflow ?? target.Block ?? target.Kind.ToString().ToLowerInvariant()),
            new XAttribute("name", target.Step ?? (target.Action is not null ? $"{target.Block} {target.Action}" : target.Id)),
            new XAttribute("time", Seconds(result.Duration.TotalSeconds)));
        var text = string.Join("\n", new[] { result.Message, output }.Where(s => !string.IsNullOrEmpty(s)));
        switch (result.Status)
        {
            case TargetStatus.Failed:
                element.Add(new XElement("failure", new XAttribute("message", result.Message ?? "failed"), new XAttribute("type", $"exit code {result.ExitCode}"), text));
                break;
            case TargetStatus.Canceled:
                element.Add(new XElement("error", new XAttribute("message", "canceled"), text));
                break;
            case TargetStatus.Skipped or TargetStatus.NotRun:
                element.Add(new XElement("skipped", new XAttribute("message", result.Message ?? TargetStatusNames.Of(result.Status))));
                break;
        }

        if (output is not null)
        {
            element.Add(new XElement("system-out", output));
        }

        return element;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
