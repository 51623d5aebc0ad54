using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>
/// <c>events:</c> of workspace.poly (polycrate.md §3, §10.2). Handler <c>workspace</c> (the default) means the run
/// log only; <c>webhook</c> POSTs one JSON event per run start, run end and finished workflow step to
/// <see cref="Endpoint"/>. Beyond Polycrate: signature, timeout, retries and <see cref="Required"/>.
/// </summary>
public sealed record EventSettings
{
    /// <summary><c>handler: workspace</c>: events only in the run log (the default).</summary>
    public const string WorkspaceHandler = "workspace";

    /// <summary><c>handler: webhook</c>: events are also POSTed to <see cref="Endpoint"/>.</summary>
    public const string WebhookHandler = "webhook";

    /// <summary>The environment variable holding the signing secret unless <c>events.secret_env</c> names another.</summary>
    public const string DefaultSecretVariable = "POLYCRATE_EVENTS_SECRET";

    /// <summary><c>events.handler</c>: <see cref="WorkspaceHandler"/> or <see cref="WebhookHandler"/>.</summary>
    public string Handler { get; init; } = WorkspaceHandler;

    /// <summary>Absolute http(s) URL; required for the webhook handler.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Extra request headers; <c>${NAME}</c> in a value is replaced by that environment variable when sending.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variable with the HMAC-SHA256 key; when it is set, each request carries <c>X-Polycrate-Signature-256</c>.</summary>
    public string SecretVariable { get; init; } = DefaultSecretVariable;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Further attempts after a failed one (network error, timeout, HTTP 5xx or 429), with doubling back-off.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>When true, a run does not start when its start event cannot be delivered, and exits 1 when later events could not be.</summary>
    public bool Required { get; init; }

    /// <summary>Where <c>events:</c> is written, for messages.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Events are sent: the webhook handler with an endpoint.</summary>
    public bool IsWebhook => Handler == WebhookHandler && Endpoint is not null;
}
