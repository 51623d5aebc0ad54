using System.Globalization;
using System.Text.Json.Nodes;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Events;

/// <summary>
/// The JSON events a webhook receives, with the keys of Polycrate's event (polycrate.md §10.2: labels, workspace,
/// workflow, step, block, action, command, exit_code, user_name, date, snapshot, transaction, version, commit_sha,
/// output, config, message) plus <c>event</c> (<c>run.started</c>, <c>step.finished</c>, <c>run.finished</c>),
/// <c>status</c> and <c>duration_seconds</c>. The snapshot carries names only (Polycrate sent the whole snapshot,
/// secrets included); <c>config</c> carries the endpoint without user info or query. Every string passes
/// <c>redact</c>.
/// </summary>
internal sealed class RunEventFactory(RunEventSubject subject, EventSettings settings, Func<string, string> redact)
{
    public const string RunStarted = "run.started";
    public const string StepFinished = "step.finished";
    public const string RunFinished = "run.finished";

    public JsonObject Started(DateTimeOffset date) =>
        Create(RunStarted, "Transaction started", "Info", date, "running", subject.Block, subject.Action, subject.Workflow, subject.Step);

    public JsonObject Step(TargetResult result, string? output, DateTimeOffset date)
    {
        var status = TargetStatusNames.Of(result.Status);
        var payload = Create(StepFinished, "Step finished", Level(result.Status), date, status, result.Target.Block, result.Target.Action,
            result.Target.Workflow, result.Target.Step);
        Finish(payload, result.ExitCode ?? 0, result.Duration, output, result.Message);
        return payload;
    }

    public JsonObject Finished(RunSummary summary, TimeSpan duration, string? output, string? commitSha, DateTimeOffset date)
    {
        var status = summary.Canceled ? "canceled" : summary.Succeeded ? "succeeded" : "failed";
        var payload = Create(RunFinished, "Transaction stopped", summary.Succeeded ? "Info" : "Error", date, status,
            subject.Block, subject.Action, subject.Workflow, subject.Step);
        Finish(payload, summary.ExitCode, duration, output, message: null);
        if (commitSha is not null)
        {
            payload["commit_sha"] = commitSha;
        }

        return payload;
    }

    private void Finish(JsonObject payload, int exitCode, TimeSpan duration, string? output, string? message)
    {
        payload["exit_code"] = exitCode;
        payload["duration_seconds"] = Math.Round(duration.TotalSeconds, 3);
        if (output is not null)
        {
            payload["output"] = redact(output);
        }

        if (message is not null)
        {
            payload["error"] = redact(message);
        }
    }

    private JsonObject Create(string type, string message, string level, DateTimeOffset date, string status,
        string? block, string? action, string? workflow, string? step)
    {
        var snapshot = new JsonObject { ["workspace"] = subject.Workspace };
        var payload = new JsonObject
        {
            ["event"] = type,
            ["labels"] = new JsonObject { ["monk.event.class"] = "polycrate", ["monk.event.level"] = level },
            ["workspace"] = subject.Workspace,
        };
        foreach (var (key, value) in new[] { ("workflow", workflow), ("step", step), ("block", block), ("action", action) })
        {
            if (value is not null)
            {
                payload[key] = value;
                snapshot[key] = value;
            }
        }

        payload["command"] = redact(subject.Command);
        payload["status"] = status;
        payload["user_name"] = Environment.UserName;
        payload["date"] = date.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        payload["snapshot"] = snapshot;
        payload["transaction"] = subject.TransactionId;
        payload["version"] = ProductInfo.Version;
        payload["config"] = new JsonObject { ["handler"] = settings.Handler, ["endpoint"] = PublicEndpoint(settings.Endpoint) };
        payload["message"] = message;
        return payload;
    }

    private static string Level(TargetStatus status) => status switch
    {
        TargetStatus.Failed or TargetStatus.Canceled => "Error",
        TargetStatus.FailedAllowed or TargetStatus.Skipped or TargetStatus.NotRun => "Warning",
        _ => "Info",
    };

    /// <summary>The endpoint without user info, query or fragment (where tokens tend to hide).</summary>
    public static string? PublicEndpoint(Uri? endpoint) =>
        endpoint is null ? null : endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
