using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>Reads targets out of a run log as written to disk.</summary>
public static class RunLogs
{
    public static ConfigMap Target(this RunLogEntry log, string id) =>
        ((ConfigList)log.Content["targets"]!).Items.Cast<ConfigMap>().FirstOrDefault(t => t["id"]?.ToString() == id)
        ?? throw new InvalidOperationException($"no target '{id}' in {log.Path}");

    public static string TargetStatus(this RunLogEntry log, string id) => log.Target(id)["status"]?.ToString() ?? string.Empty;

    public static string? Field(this RunLogEntry log, string key) => log.Content[key]?.ToString();
}
