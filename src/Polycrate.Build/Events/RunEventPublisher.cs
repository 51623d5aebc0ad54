using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Events;

/// <summary>
/// Sends a run's events to the webhook in order, on a background queue, so a slow receiver never holds up the
/// steps. With <see cref="EventSettings.Required"/> the start event is delivered before anything runs and a
/// failure stops the run (<see cref="EventDeliveryException"/>); otherwise failures are warnings only.
/// </summary>
internal sealed class RunEventPublisher : IAsyncDisposable
{
    private readonly EventSettings _settings;
    private readonly RunEventFactory _events;
    private readonly WebhookSender _sender;
    private readonly Channel<JsonObject> _queue = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;
    private int _failures;

    /// <param name="settings">A webhook configuration (<see cref="EventSettings.IsWebhook"/>).</param>
    /// <param name="events">Builds the payloads.</param>
    /// <param name="getVariable">Environment lookup (signing secret, header variables).</param>
    /// <param name="logger">Warnings about undelivered events.</param>
    /// <param name="firstBackOff">Wait before the first retry; tests shorten it.</param>
    public RunEventPublisher(EventSettings settings, RunEventFactory events, Func<string, string?> getVariable, ILogger logger, TimeSpan? firstBackOff = null)
    {
        _settings = settings;
        _events = events;
        _sender = new WebhookSender(settings, getVariable, logger, firstBackOff);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Events that could not be delivered so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The run is about to start its targets.</summary>
    /// <exception cref="EventDeliveryException">Required events and the receiver did not take this one.</exception>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var payload = _events.Started(DateTimeOffset.Now);
        if (!_settings.Required)
        {
            _queue.Writer.TryWrite(payload);
            return;
        }

        if (!await SendAsync(payload, cancellationToken))
        {
            throw new EventDeliveryException($"the run did not start: its start event could not be delivered to {RunEventFactory.PublicEndpoint(_settings.Endpoint)} " +
                "and workspace.poly sets events.required: true", _settings.Location);
        }
    }

    /// <summary>A target finished; workflow steps get an event (with the redacted tail of their output).</summary>
    public void TargetFinished(TargetResult result, string? output)
    {
        if (result.Target.Kind == TargetKind.Step)
        {
            _queue.Writer.TryWrite(_events.Step(result, output, DateTimeOffset.Now));
        }
    }

    /// <summary>Queues the finish event and waits until every queued event was delivered or given up; true when all were delivered.</summary>
    public async Task<bool> FinishedAsync(RunSummary summary, TimeSpan duration, string? output, string? commitSha)
    {
        _queue.Writer.TryWrite(_events.Finished(summary, duration, output, commitSha, DateTimeOffset.Now));
        _queue.Writer.TryComplete();
        await _pump;
        return Failures == 0;
    }

    private async Task PumpAsync()
    {
        await foreach (var payload in _queue.Reader.ReadAllAsync())
        {
            // Deliveries finish even when the run is canceled: the finish event says that it was.
            await SendAsync(payload, CancellationToken.None);
        }
    }

    private async Task<bool> SendAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString());
        var delivered = await _sender.SendAsync(payload["event"]!.GetValue<string>(), body, cancellationToken);
        if (!delivered)
        {
            Interlocked.Increment(ref _failures);
        }

        return delivered;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
        _sender.Dispose();
    }
}
