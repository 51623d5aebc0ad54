using System.Globalization;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>Reads the <c>events:</c> and <c>git:</c> sections of workspace.poly into <see cref="WorkspaceSettings"/>.</summary>
internal static class IntegrationsParser
{
    private static readonly string[] Handlers = [EventSettings.WorkspaceHandler, EventSettings.WebhookHandler];

    public static WorkspaceSettings Read(MappingReader workspace, WorkspaceSettings settings)
    {
        var events = ReadEvents(workspace);
        var git = workspace.Mapping("git");
        var autoCommit = git?.Bool("autocommit");
        git?.ReportUnknownKeys();
        return settings with { Events = events ?? settings.Events, Git = new GitSettings { AutoCommit = autoCommit ?? false } };
    }

    private static EventSettings? ReadEvents(MappingReader workspace)
    {
        var events = workspace.Mapping("events");
        if (events is null)
        {
            return null;
        }

        var diagnostics = events.Diagnostics;
        var handler = events.String("handler") ?? EventSettings.WorkspaceHandler;
        if (!Handlers.Contains(handler, StringComparer.Ordinal))
        {
            // Polycrate ignores unknown handlers silently; say so instead, but do not refuse the workspace.
            diagnostics.Warning(DiagnosticCodes.InvalidValue, $"workspace.events.handler: unknown handler '{handler}'; no events are sent",
                events.LocationOf("handler"),
                EditDistance.Closest(handler, Handlers, minimumTolerance: 2, ignoreCase: true) is { } close ? $"did you mean '{close}'?" : "use 'webhook' or 'workspace'");
        }

        Uri? endpoint = null;
        // Polycrate writes its defaults ("endpoint: \"\"") into snapshots and inspect output that users copy back: empty = none.
        var endpointText = events.String("endpoint") is { Length: > 0 } text ? text : null;
        if (endpointText is not null && handler == EventSettings.WorkspaceHandler)
        {
            diagnostics.Warning(DiagnosticCodes.InvalidValue, "workspace.events.endpoint is used only by handler 'webhook'; with handler 'workspace' nothing is sent",
                events.LocationOf("endpoint"), "add 'handler: webhook' to send events there, or remove 'endpoint'");
        }

        if (endpointText is not null && !(Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https"))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"workspace.events.endpoint: '{endpointText}' is not an absolute http(s) URL", events.LocationOf("endpoint"),
                "write the full URL, e.g. https://hooks.example.com/polycrate");
            endpoint = null;
        }
        else if (endpointText is null && handler == EventSettings.WebhookHandler)
        {
            diagnostics.Error(DiagnosticCodes.MissingRequired, "workspace.events: handler 'webhook' needs an endpoint", events.Location,
                "add 'endpoint: https://…' or remove the events section");
        }

        var settings = new EventSettings
        {
            Handler = handler,
            Endpoint = endpoint,
            Headers = events.StringMap("headers") ?? new Dictionary<string, string>(),
            SecretVariable = events.String("secret_env") ?? EventSettings.DefaultSecretVariable,
            Timeout = TimeSpan.FromSeconds(Number(events, "timeout", 10, 1, 300)),
            Retries = Number(events, "retries", 3, 0, 10),
            Required = events.Bool("required") ?? false,
            Location = events.Location,
        };

        // 'commit' is a 2025 key without effect there too.
        events.Ignore("commit");
        events.ReportUnknownKeys();
        return settings;
    }

    private static int Number(MappingReader reader, string key, int fallback, int minimum, int maximum)
    {
        var text = reader.String(key);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, $"workspace.events.{key}: '{text}' is not a whole number from {minimum} to {maximum}",
            reader.LocationOf(key));
        return fallback;
    }
}
