using Polycrate.Build.Engine;
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
    /// <summary>$(PolycrateRuntime): Container (default) or Host.</summary>
    public string? Runtime { get; set; }

    /// <summary>$(PolycratePull): Missing (default), Always or Never.</summary>
    public string? Pull { get; set; }

    /// <summary>$(PolycrateMaxParallel): steps of one workflow run at most this many at once.</summary>
    public int MaxParallel { get; set; } = 1;

    /// <summary>$(PolycrateIsolateSteps): every step in a container of its own (the CLI's <c>--isolate-steps</c>).</summary>
    public bool IsolateSteps { get; set; }

    /// <summary>$(PolycrateForce): confirms action and workflow prompts; a build never waits for input, so a prompt without it fails.</summary>
    public bool Force { get; set; }

    /// <summary>$(PolycrateBlocksAutoPull): install missing registry blocks before the run.</summary>
    public bool BlocksAutoPull { get; set; }

    /// <summary>$(PolycrateDockerfile): the toolchain image's Dockerfile instead of Dockerfile.poly.</summary>
    public string? Dockerfile { get; set; }

    /// <summary>$(PolycrateJUnitPath): write a JUnit XML report of the run to this file.</summary>
    public string? JUnitPath { get; set; }

    /// <summary>$(PolycrateCommit): git-commit what the run changed in the workspace (as <c>--commit</c>).</summary>
    public bool Commit { get; set; }

    /// <summary>$(PolycrateLimit), Ansible pass-through: <c>--limit</c> host pattern.</summary>
    public string? Limit { get; set; }

    /// <summary>$(PolycrateTags), Ansible pass-through: <c>--tags</c>, comma-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>$(PolycrateSkipTags), Ansible pass-through: <c>--skip-tags</c>, comma-separated.</summary>
    public string? SkipTags { get; set; }

    /// <summary>$(PolycrateCheck), Ansible pass-through: check mode (dry run).</summary>
    public bool Check { get; set; }

    /// <summary>$(PolycrateDiff), Ansible pass-through: <c>--diff</c>.</summary>
    public bool Diff { get; set; }

    /// <summary>$(PolycrateExtraVars), Ansible pass-through: extra vars entries (key=value pairs, a JSON mapping or @FILE).</summary>
    public string[]? ExtraVars { get; set; }

    /// <summary>$(PolycrateVaultPasswordFile), Ansible pass-through: vault password file.</summary>
    public string? VaultPasswordFile { get; set; }

    /// <summary>$(PolycrateInsecureRegistries): registries (host[:port]) spoken to over plain HTTP when installing blocks; loopback always is.</summary>
    public string[] InsecureRegistries { get; set; } = [];

    /// <summary>$(PolycrateDockerSocket): mount the Docker engine's socket into action containers (<c>--docker-socket</c>).</summary>
    public bool DockerSocket { get; set; }

    /// <summary>$(PolycrateEnv): environment variables for the run only, <c>KEY=VALUE</c> each (<c>-e/--env</c>); they win over the workspace's.</summary>
    public string[] Env { get; set; } = [];

    /// <summary>$(PolycrateMount): bind mounts for the run only, <c>SRC:DST[:ro]</c> each (<c>-m/--mount</c>); SRC relative to the project directory.</summary>
    public string[] Mount { get; set; } = [];

    /// <summary>$(PolycrateLogLevel): Polycrate's log level 0-5 (<c>--loglevel</c>): sets ANSIBLE_VERBOSITY (and ANSIBLE_DEBUG above 2); empty keeps the default.</summary>
    public string? LogLevel { get; set; }

    /// <summary>The transaction id of the run, for finding its log.</summary>
    [Microsoft.Build.Framework.Output]
    public string? TransactionId { get; set; }

    internal RunOptions CreateOptions() => new()
    {
        WorkspaceDirectory = WorkspaceDirectory,
        Strict = IsStrict,
        Runtime = ParseEnum(Runtime, RuntimeKind.Container, RunOptionCatalog.Runtime),
        Pull = ParseEnum(Pull, ImagePullPolicy.Missing, RunOptionCatalog.Pull),
        MaxParallel = MaxParallel > 0 ? MaxParallel : throw new TaskParameterException($"PolycrateMaxParallel={MaxParallel} is not valid: it must be 1 or more (-p:PolycrateMaxParallel=2)"),
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
        InsecureRegistries = InsecureRegistries.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList(),
        MountDockerSocket = DockerSocket,
        ExtraEnv = [.. Entries(Env).Select(e => RunInputs.ParseEnv(e) ?? throw new TaskParameterException($"PolycrateEnv '{e}': expected KEY=VALUE"))],
        ExtraMounts = [.. Entries(Mount).Select(ParseMount)],
        LogLevel = ParseLogLevel(LogLevel),
        Command = $"msbuild {GetType().Name}",
    };

    private static IEnumerable<string> Entries(string[] values) => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());

    /// <summary>As the CLI: a malformed entry or a source that does not exist is refused (the engine would create it root-owned).</summary>
    private static Model.MountEntry ParseMount(string value) =>
        RunInputs.ParseMount(value, Directory.GetCurrentDirectory()) is not { } mount
            ? throw new TaskParameterException($"PolycrateMount '{value}': expected SRC:DST[:ro] with an absolute DST")
            : File.Exists(mount.HostPath) || Directory.Exists(mount.HostPath) ? mount
            : throw new TaskParameterException($"PolycrateMount '{value}': the source {mount.HostPath} does not exist; create it first or fix the path");

    private static int? ParseLogLevel(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 5 ? level
        : throw new TaskParameterException($"PolycrateLogLevel='{value}' is not valid: use a number from 0 to 5, or leave it empty for Ansible's default");

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

    /// <summary>A name, any case (<c>host</c> as on the CLI); numbers are refused although <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> takes them.</summary>
    private static T ParseEnum<T>(string? value, T fallback, RunOptionDescriptor option)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : !value.Trim().All(char.IsAsciiDigit) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new TaskParameterException($"{option.MSBuildProperty}='{value}' is not valid: use one of {string.Join(", ", Enum.GetNames<T>())}");
}
