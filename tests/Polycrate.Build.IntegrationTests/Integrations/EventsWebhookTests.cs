using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Engine;
using Polycrate.Build.Events;
using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>
/// Webhook events of real runs (host runtime, bash script actions) against an HTTP receiver on 127.0.0.1: the events
/// and their fields, signature, headers, redaction, retry after a 500, a receiver that is down, and required events.
/// </summary>
public sealed class EventsWebhookTests : IDisposable
{
    private const string Token = "tok-very-secret-123";
    private const string SigningSecret = "hook-signing-secret";
    private const string HeaderToken = "t0ken-for-header";
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-events-").FullName;

    private void WriteWorkspace(string endpoint, string extra = "")
    {
        File.WriteAllText(Path.Combine(_root, "workspace.poly"), $$"""
            name: events-ws
            events:
              handler: webhook
              endpoint: {{endpoint}}
              headers: {Authorization: "Bearer ${HOOK_TOKEN}"}
              timeout: 2
              retries: 2
            {{extra}}
            extraenv: ["API_TOKEN={{Token}}"]
            blocks:
              - name: app
                actions:
                  - {name: hello, script: ["echo token is $API_TOKEN"]}
                  - {name: fail, script: ["echo failing", "exit 7"]}
                  - {name: touch, script: ["touch {{_root}}/touched"]}
            workflows:
              - name: flow
                steps:
                  - {name: one, block: app, action: hello}
                  - {name: two, block: app, action: fail}
            """);
    }

    private static string? Variables(string name) => name switch
    {
        EventSettings.DefaultSecretVariable => SigningSecret,
        "HOOK_TOKEN" => HeaderToken,
        _ => Environment.GetEnvironmentVariable(name),
    };

    private async Task<(RunReport? Report, Exception? Error, CapturingLoggerFactory Logs)> RunAsync(Func<PolycrateEngine, RunOptions, IRunObserver, Task<RunReport>> run)
    {
        var logs = new CapturingLoggerFactory();
        var runner = new PolycrateEngine(logs, getEnvironmentVariable: Variables);
        var options = new RunOptions { WorkspaceDirectory = _root, Runtime = RuntimeKind.Host, Command = "polycrate-build workflows run flow" };
        try
        {
            return (await run(runner, options, new Secrets.Runs.RecordingObserver()), null, logs);
        }
        catch (Exception ex) when (ex is EventDeliveryException)
        {
            return (null, ex, logs);
        }
    }

    [Fact]
    public async Task A_workflow_run_posts_started_each_step_and_finished_signed_with_headers_and_without_secrets()
    {
        using var receiver = new WebhookReceiver();
        WriteWorkspace(receiver.Endpoint);

        var (report, _, logs) = await RunAsync((runner, options, observer) => runner.RunWorkflowAsync(options, "flow", null, observer, CancellationToken.None));

        Assert.Equal(7, report!.Summary.ExitCode);
        var events = receiver.Delivered;
        Assert.Equal([RunEventFactory.RunStarted, RunEventFactory.StepFinished, RunEventFactory.StepFinished, RunEventFactory.RunFinished], events.Select(e => e.Event));
        Assert.All(events, e =>
        {
            Assert.Equal("POST", e.Method);
            Assert.Equal("/hook", e.Path);
            Assert.Equal("application/json; charset=UTF-8", e.Headers["Content-Type"]);
            Assert.Equal("Bearer " + HeaderToken, e.Headers["Authorization"]);
            Assert.Equal(e.Event, e.Headers[WebhookSender.EventHeader]);
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes(e.Body)));
            Assert.Equal(expected, e.Headers[WebhookSender.SignatureHeader]);
            Assert.Equal(report.TransactionId, e.Json.GetProperty("transaction").GetString());
            Assert.Equal("events-ws", e.Json.GetProperty("workspace").GetString());
            Assert.Equal("polycrate", e.Json.GetProperty("labels").GetProperty("monk.event.class").GetString());
            Assert.Equal("webhook", e.Json.GetProperty("config").GetProperty("handler").GetString());
            foreach (var secret in new[] { Token, SigningSecret, HeaderToken })
            {
                Assert.DoesNotContain(secret, e.Body, StringComparison.Ordinal);
            }
        });
        Assert.Equal("running", events[0].Json.GetProperty("status").GetString());
        Assert.Equal("flow", events[0].Json.GetProperty("workflow").GetString());
        Assert.Equal(("one", "succeeded", 0), (events[1].Json.GetProperty("step").GetString(), events[1].Json.GetProperty("status").GetString(), events[1].Json.GetProperty("exit_code").GetInt32()));
        Assert.Contains("token is ********", events[1].Json.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Equal(("two", "failed", 7), (events[2].Json.GetProperty("step").GetString(), events[2].Json.GetProperty("status").GetString(), events[2].Json.GetProperty("exit_code").GetInt32()));
        Assert.Equal("Error", events[2].Json.GetProperty("labels").GetProperty("monk.event.level").GetString());
        Assert.Equal(("failed", 7), (events[3].Json.GetProperty("status").GetString(), events[3].Json.GetProperty("exit_code").GetInt32()));
        Assert.Equal("Transaction stopped", events[3].Json.GetProperty("message").GetString());
        Assert.Empty(logs.Warnings);
    }

    [Fact]
    public async Task A_500_is_retried_with_the_same_delivery_id_and_then_delivered()
    {
        using var receiver = new WebhookReceiver(500);
        WriteWorkspace(receiver.Endpoint);

        var (report, _, logs) = await RunAsync((runner, options, observer) => runner.RunActionAsync(options, "app", "hello", observer, CancellationToken.None));

        Assert.True(report!.Summary.Succeeded);
        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 200, 200], requests.Select(r => r.Status));
        Assert.Equal(requests[0].Headers[WebhookSender.DeliveryHeader], requests[1].Headers[WebhookSender.DeliveryHeader]);
        Assert.NotEqual(requests[1].Headers[WebhookSender.DeliveryHeader], requests[2].Headers[WebhookSender.DeliveryHeader]);
        Assert.Equal([RunEventFactory.RunStarted, RunEventFactory.RunFinished], receiver.Delivered.Select(e => e.Event));
        Assert.Equal(("app", "hello", "succeeded"), (receiver.Delivered[1].Json.GetProperty("block").GetString(),
            receiver.Delivered[1].Json.GetProperty("action").GetString(), receiver.Delivered[1].Json.GetProperty("status").GetString()));
        Assert.Empty(logs.Warnings);
    }

    [Fact]
    public async Task A_receiver_that_is_down_warns_but_the_run_succeeds()
    {
        WriteWorkspace($"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook");

        var (report, _, logs) = await RunAsync((runner, options, observer) => runner.RunActionAsync(options, "app", "touch", observer, CancellationToken.None));

        Assert.True(report!.Summary.Succeeded);
        Assert.True(File.Exists(Path.Combine(_root, "touched")));
        Assert.Contains("events: could not deliver run.started to http://127.0.0.1:", logs.Warnings, StringComparison.Ordinal);
        Assert.Contains("could not deliver run.finished", logs.Warnings, StringComparison.Ordinal);
        Assert.Contains("the run goes on", logs.Warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_events_to_a_receiver_that_is_down_stop_the_run_before_anything_runs()
    {
        WriteWorkspace($"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook", "  required: true");

        var (report, error, _) = await RunAsync((runner, options, observer) => runner.RunActionAsync(options, "app", "touch", observer, CancellationToken.None));

        Assert.Null(report);
        var delivery = Assert.IsType<EventDeliveryException>(error);
        Assert.Equal("PCB7201", delivery.Code);
        Assert.Equal(1, delivery.ExitCode);
        Assert.False(File.Exists(Path.Combine(_root, "touched")), "the action must not run when the required start event was not delivered");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
