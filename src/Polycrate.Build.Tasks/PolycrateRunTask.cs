using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Reporting;
using Polycrate.Build.Runs;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Base of the tasks that run something through the engine façade: maps the Polycrate* properties to
/// <see cref="RunOptions"/> and reports every failed target as a coded error at its definition in workspace.poly.
/// </summary>
public abstract class PolycrateRunTask : PolycrateTask
{
    /// <summary>Container (default) or Host.</summary>
    public string? Runtime { get; set; }

    /// <summary>Missing (default), Always or Never.</summary>
    public string? Pull { get; set; }

    public int MaxParallel { get; set; } = 1;

    /// <summary>Confirms action and workflow prompts; a build never waits for input, so a prompt without it fails.</summary>
    public bool Force { get; set; }

    public bool BlocksAutoPull { get; set; }

    public string? Dockerfile { get; set; }

    /// <summary>Write a JUnit XML report of the run to this file.</summary>
    public string? JUnitPath { get; set; }

    /// <summary>Registries (host[:port]) spoken to over plain HTTP when installing blocks; loopback registries always are.</summary>
    public string[] InsecureRegistries { get; set; } = [];

    /// <summary>Mount the Docker engine's socket into action containers (<c>--docker-socket</c>).</summary>
    public bool DockerSocket { get; set; }

    /// <summary>The transaction id of the run, for finding its log.</summary>
    [Microsoft.Build.Framework.Output]
    public string? TransactionId { get; set; }

    private protected RunOptions CreateOptions() => new()
    {
        WorkspaceDirectory = WorkspaceDirectory,
        Strict = Strict,
        Runtime = ParseEnum(Runtime, RuntimeKind.Container, nameof(Runtime)),
        Pull = ParseEnum(Pull, ImagePullPolicy.Missing, nameof(Pull)),
        MaxParallel = MaxParallel > 0 ? MaxParallel : throw new TaskParameterException($"MaxParallel must be 1 or more, not {MaxParallel}"),
        Force = Force,
        BlocksAutoPull = BlocksAutoPull,
        Dockerfile = string.IsNullOrWhiteSpace(Dockerfile) ? null : Dockerfile,
        JUnitPath = string.IsNullOrWhiteSpace(JUnitPath) ? null : Path.GetFullPath(JUnitPath),
        InsecureRegistries = InsecureRegistries.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList(),
        MountDockerSocket = DockerSocket,
        Command = $"msbuild {GetType().Name}",
    };

    /// <summary>Runs through the engine façade and reports every failed target (<see cref="Report"/>).</summary>
    private protected async System.Threading.Tasks.Task RunAsync(RunRequest request, TaskLoggerFactory loggers, DiagnosticReporter reporter,
        CancellationToken cancellationToken) =>
        Report(await CreateEngine(loggers, reporter).RunAsync(request, CreateOptions(), new TaskRunObserver(loggers), cancellationToken), reporter);

    /// <summary>Every failed target becomes an error at its definition, so CI annotates the step in workspace.poly.</summary>
    private protected void Report(RunReport report, DiagnosticReporter reporter)
    {
        TransactionId = report.TransactionId;
        foreach (var failure in report.Summary.Results.Where(r => r.IsFailure))
        {
            var code = failure.Status == TargetStatus.Canceled ? KnownStrings.Canceled : KnownStrings.TargetFailed;
            reporter.Error(code, failure.Target.Location, RunMessages.Failure(failure) + LogHint(report));
        }

        foreach (var allowed in report.Summary.Results.Where(r => r.Status == TargetStatus.FailedAllowed))
        {
            var location = allowed.Target.Location;
            Log.LogWarning(KnownStrings.Subcategory, KnownStrings.TargetFailed, null, location?.File, location?.Line ?? 0, location?.Column ?? 0, 0, 0,
                "{0} (allow_failure: the build goes on)", RunMessages.Failure(allowed));
        }

        if (!report.Summary.Succeeded && !Log.HasLoggedErrors)
        {
            reporter.Error(report.Summary.Canceled ? KnownStrings.Canceled : KnownStrings.TargetFailed, null,
                $"the run failed with exit code {report.Summary.ExitCode}{LogHint(report)}");
        }
    }

    private static string LogHint(RunReport report) => report.LogPath is null ? string.Empty : $" (log: {report.LogPath})";

    private static T ParseEnum<T>(string? value, T fallback, string parameter)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new TaskParameterException($"{parameter}='{value}' is not valid; use one of: {string.Join(", ", Enum.GetNames<T>())}");
}
