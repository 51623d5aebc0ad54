using Microsoft.Extensions.Logging;
using Polycrate.Build.Events;
using Polycrate.Build.Git;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution;

/// <summary>
/// What a run reports beyond its run log: webhook events (<c>events:</c>) and the git commit of its changes
/// (<c>--commit</c> / <c>git.autocommit</c>). The runner calls it at three points: before the targets run
/// (<see cref="StartAsync"/>), as each target finishes (<see cref="TargetFinished"/>) and after the run log is
/// written (<see cref="FinishAsync"/>). Neither ever changes a run's result, except required events
/// (<see cref="EventSettings.Required"/>).
/// </summary>
internal sealed class RunIntegrations : IAsyncDisposable
{
    private readonly RunEventPublisher? _events;
    private readonly RunCommitter? _committer;
    private readonly RunEventSubject _subject;
    private readonly Func<string, string?> _output;
    private readonly EventSettings _eventSettings;

    private RunIntegrations(RunEventPublisher? events, RunCommitter? committer, RunEventSubject subject, Func<string, string?> output, EventSettings eventSettings)
    {
        _events = events;
        _committer = committer;
        _subject = subject;
        _output = output;
        _eventSettings = eventSettings;
    }

    /// <summary>
    /// Records the git state before the run and sends the start event. <paramref name="roots"/> are the requested
    /// targets (they name the block/action or workflow/step); <paramref name="output"/> gives a target's redacted output tail.
    /// </summary>
    /// <exception cref="EventDeliveryException">Required events and the start event could not be delivered.</exception>
    public static async Task<RunIntegrations> StartAsync(Workspace workspace, RunOptions options, string transactionId, IReadOnlyList<Target> roots,
        IReadOnlyList<Target> closure, Func<string, string?> output, Func<string, string?> getVariable, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var root = roots.Count == 1 ? roots[0] : null;
        var subject = new RunEventSubject
        {
            Workspace = workspace.Name,
            TransactionId = transactionId,
            Command = options.Command ?? "polycrate-build",
            Block = root?.Block,
            Action = root?.Action,
            Workflow = root?.Workflow,
            Step = root?.Step,
        };
        var committer = options.Commit || workspace.Settings.Git.AutoCommit
            ? await RunCommitter.BeginAsync(workspace, loggers.CreateLogger<RunCommitter>(), cancellationToken)
            : null;
        RunEventPublisher? events = null;
        if (workspace.Settings.Events.IsWebhook)
        {
            var redact = await RedactorAsync(workspace, closure, cancellationToken);
            events = new RunEventPublisher(workspace.Settings.Events, new RunEventFactory(subject, workspace.Settings.Events, redact), getVariable,
                loggers.CreateLogger<RunEventPublisher>());
            await events.StartedAsync(cancellationToken);
        }

        return new RunIntegrations(events, committer, subject, output, workspace.Settings.Events);
    }

    public void TargetFinished(TargetResult result) => _events?.TargetFinished(result, _output(result.Target.Id));

    /// <summary>Commits the run's changes (when asked), then sends the finish event and waits for the deliveries.</summary>
    /// <exception cref="EventDeliveryException">Required events and some could not be delivered (the run log is written already).</exception>
    public async Task FinishAsync(RunSummary summary, TimeSpan duration, CancellationToken cancellationToken)
    {
        string? sha = null;
        if (_committer is not null)
        {
            sha = await _committer.CommitAsync(CommitTitle(summary), CommitBody(summary), cancellationToken);
        }

        if (_events is not null && !await _events.FinishedAsync(summary, duration, RootOutput(summary), sha) && _eventSettings.Required)
        {
            throw new EventDeliveryException($"{_events.Failures} event(s) of run {_subject.TransactionId} could not be delivered and workspace.poly sets events.required: true " +
                "(the run itself finished with exit code " + summary.ExitCode + ")", _eventSettings.Location);
        }
    }

    private string? RootOutput(RunSummary summary) =>
        _subject.Action is not null ? summary.Results.Where(r => r.Target.Kind is TargetKind.Action).Select(r => _output(r.Target.Id)).LastOrDefault(o => o is not null) : null;

    private string What() => _subject switch
    {
        { Workflow: { } workflow, Step: { } step } => $"workflow {workflow} step {step}",
        { Workflow: { } workflow } => $"workflow {workflow}",
        { Block: { } block, Action: { } action } => $"run {block} {action}",
        _ => "run",
    };

    private string CommitTitle(RunSummary summary) =>
        $"polycrate-build: {What()} {(summary.Canceled ? "canceled" : summary.Succeeded ? "succeeded" : "failed")} (transaction {_subject.TransactionId})";

    private string CommitBody(RunSummary summary) =>
        $"Transaction: {_subject.TransactionId}\nWorkspace: {_subject.Workspace}\nExit code: {summary.ExitCode}\nCommand: {_subject.Command}";

    /// <summary>Masks config and env secrets of every action the run may start (their output is redacted already).</summary>
    private static async Task<Func<string, string>> RedactorAsync(Workspace workspace, IReadOnlyList<Target> closure, CancellationToken cancellationToken)
    {
        var redactors = new List<SecretRedactor>();
        foreach (var target in closure.Where(t => t.Kind is TargetKind.Action or TargetKind.Step).DistinctBy(t => (t.Block, t.Action)))
        {
            if (workspace.FindBlock(target.Block ?? string.Empty) is { } block && block.FindAction(target.Action ?? string.Empty) is { } action)
            {
                redactors.Add(await SecretRedactor.ForRunAsync(workspace, block, action, null, cancellationToken));
            }
        }

        return text => redactors.Aggregate(text, (current, redactor) => redactor.Redact(current));
    }

    public async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }
    }
}
