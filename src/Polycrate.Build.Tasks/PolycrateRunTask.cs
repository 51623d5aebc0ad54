using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Reporting;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Base of the tasks that run something through <see cref="WorkspaceRunner"/>: maps the Polycrate* properties to
/// <see cref="RunOptions"/> and reports every failed target as a coded error at its definition in workspace.poly.
/// </summary>
public abstract class PolycrateRunTask : PolycrateTask
{
    /// <summary>Container (default) or Host.</summary>
    public string? Runtime { get; set; }

    /// <summary>Missing (default), Always or Never.</summary>
    public string? Pull { get; set; }

    public int MaxParallel { get; set; } = 1;

    /// <summary>Every step in a container of its own (PolycrateIsolateSteps, the CLI's --isolate-steps).</summary>
    public bool IsolateSteps { get; set; }

    /// <summary>Confirms action and workflow prompts; a build never waits for input, so a prompt without it fails.</summary>
    public bool Force { get; set; }

    public bool BlocksAutoPull { get; set; }

    public string? Dockerfile { get; set; }

    /// <summary>Write a JUnit XML report of the run to this file.</summary>
    public string? JUnitPath { get; set; }

    /// <summary>Git-commit what the run changed in the workspace (as <c>--commit</c>).</summary>
    public bool Commit { get; set; }

    /// <summary>Ansible pass-through: <c>--limit</c> host pattern.</summary>
    public string? Limit { get; set; }

    /// <summary>Ansible pass-through: <c>--tags</c>, comma-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>Ansible pass-through: <c>--skip-tags</c>, comma-separated.</summary>
    public string? SkipTags { get; set; }

    /// <summary>Ansible pass-through: check mode (dry run).</summary>
    public bool Check { get; set; }

    /// <summary>Ansible pass-through: <c>--diff</c>.</summary>
    public bool Diff { get; set; }

    /// <summary>Ansible pass-through: extra vars entries (key=value pairs, a JSON mapping or @FILE).</summary>
    public string[]? ExtraVars { get; set; }

    /// <summary>Ansible pass-through: vault password file.</summary>
    public string? VaultPasswordFile { get; set; }

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
        IsolateSteps = IsolateSteps,
        Force = Force,
        BlocksAutoPull = BlocksAutoPull,
        Dockerfile = string.IsNullOrWhiteSpace(Dockerfile) ? null : Dockerfile,
        JUnitPath = string.IsNullOrWhiteSpace(JUnitPath) ? null : Path.GetFullPath(JUnitPath),
        Commit = Commit,
        Ansible = new Execution.Ansible.AnsiblePassThrough
        {
            Limit = string.IsNullOrWhiteSpace(Limit) ? null : Limit,
            Tags = string.IsNullOrWhiteSpace(Tags) ? null : Tags,
            SkipTags = string.IsNullOrWhiteSpace(SkipTags) ? null : SkipTags,
            Check = Check,
            Diff = Diff,
            ExtraVars = (ExtraVars ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.StartsWith('@') ? "@" + Path.GetFullPath(v[1..]) : v).ToList(),
            VaultPasswordFile = string.IsNullOrWhiteSpace(VaultPasswordFile) ? null : Path.GetFullPath(VaultPasswordFile),
        },
    };

    private protected static WorkspaceRunner CreateRunner(TaskLoggerFactory loggers) => new(loggers, new TaskRunObserver(loggers));

    /// <summary>Every failed target becomes an error at its definition, so CI annotates the step in workspace.poly.</summary>
    private protected void Report(RunReport report, DiagnosticReporter reporter)
    {
        TransactionId = report.TransactionId;
        foreach (var failure in report.Summary.Results.Where(r => r.IsFailure))
        {
            var code = failure.Status == TargetStatus.Canceled ? KnownStrings.Canceled : KnownStrings.TargetFailed;
            reporter.Error(code, failure.Target.Location, RunMessages.Failure(failure) + LogHint(report));
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
