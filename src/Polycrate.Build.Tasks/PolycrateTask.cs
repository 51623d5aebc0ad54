using System.Collections.Concurrent;
using Microsoft.Build.Framework;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Engine;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Base of every Polycrate task: runs the engine asynchronously to completion, logs through the task logger,
/// maps engine exceptions to coded diagnostics, and turns MSBuild cancellation into the engine's
/// <see cref="CancellationToken"/> (the runner stops and removes the container).
/// </summary>
public abstract class PolycrateTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly Lock _gate = new();
    private Action? _cancel;
    private bool _canceled;

    /// <summary>The directory holding workspace.poly.</summary>
    [Required]
    public string WorkspaceDirectory { get; set; } = string.Empty;

    /// <summary>
    /// $(PolycrateStrict): true treats workspace warnings as errors. A string, so a wrong value is refused naming
    /// PolycrateStrict (MSBuild would name the task parameter); MSBuild's spellings (true/false, on/off, yes/no) work.
    /// </summary>
    public string? Strict { get; set; }

    /// <summary><see cref="Strict"/> as a switch.</summary>
    /// <exception cref="TaskParameterException">Not a switch value.</exception>
    private protected bool IsStrict => !string.IsNullOrWhiteSpace(Strict) && RunOptionItems.ParseSwitch(RunOptionCatalog.Strict, Strict.Trim());

    /// <summary>
    /// MSBuild's <see cref="ICancelableTask.Cancel"/> (Ctrl-C, the IDE's stop): cancels the engine call, which stops and
    /// removes the running container; the task then fails with PCB6004. Safe to call before or during <see cref="Execute"/>.
    /// </summary>
    public void Cancel()
    {
        Action? cancel;
        lock (_gate)
        {
            _canceled = true;
            cancel = _cancel;
        }

        cancel?.Invoke();
    }

    /// <summary>
    /// Runs the task's engine call to completion. Returns false (the build fails) when it logged an error: every
    /// <see cref="Polycrate.Build.Diagnostics.PolycrateException"/> becomes an error with its PCB code (at its file:line:col when it has one), a cancellation PCB6004.
    /// </summary>
    public override bool Execute()
    {
        using var cancellation = new CancellationTokenSource();
        lock (_gate)
        {
            if (_canceled)
            {
                return false;
            }

            _cancel = cancellation.Cancel;
        }

        using var loggers = new TaskLoggerFactory(Log);
        var reporter = new DiagnosticReporter(Log);
        try
        {
            ExecuteAsync(loggers, reporter, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (PolycrateException exception)
        {
            reporter.Report(exception);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            reporter.Error(KnownStrings.Canceled, null, "the build was canceled; the running action was stopped");
        }
        finally
        {
            lock (_gate)
            {
                _cancel = null;
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Loads the workspace (missing registry blocks allowed) and reports its warnings at their lines.</summary>
    private protected async Task<Model.Workspace> LoadWorkspaceAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken) =>
        (await CreateEngine(loggers, reporter).LoadAsync(WorkspaceRequest, cancellationToken)).Workspace;

    /// <summary>The engine façade; load warnings become MSBuild warnings at their lines as they are found (<see cref="ReportLoadWarning"/>).</summary>
    private protected PolycrateEngine CreateEngine(TaskLoggerFactory loggers, DiagnosticReporter reporter) =>
        new(loggers, warning => ReportLoadWarning(warning, reporter));

    /// <summary>
    /// Each load warning once per build, however many tasks load the workspace (a step target and the steps it needs, the
    /// image): the tasks of one build share the set of warnings already shown through MSBuild's registered task objects.
    /// </summary>
    private protected virtual void ReportLoadWarning(Diagnostic warning, DiagnosticReporter reporter)
    {
        const string key = "Polycrate.Build.Tasks.LoadWarningsShown";
        if (BuildEngine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not ConcurrentDictionary<string, bool> shown)
        {
            shown = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            BuildEngine4.RegisterTaskObject(key, shown, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        }

        if (shown.TryAdd(warning.ToString(), true))
        {
            reporter.Report(warning);
        }
    }

    private protected WorkspaceRequest WorkspaceRequest => new(WorkspaceDirectory) { Strict = IsStrict };

    /// <summary>The task's work; report failures by throwing a <see cref="PolycrateException"/> or logging errors.</summary>
    private protected abstract System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken);
}
