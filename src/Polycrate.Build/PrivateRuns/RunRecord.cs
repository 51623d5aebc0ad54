using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polycrate.Build.PrivateRuns;

/// <summary>
/// What a private run directory says about its run (<c>run.json</c>, 0600): who owns it and where to record the run if
/// the owner dies. Paths and names only, never secret values.
/// </summary>
internal sealed record RunRecord
{
    public const string FileName = "run.json";

    public required string TransactionId { get; init; }

    public required int Pid { get; init; }

    public required string Host { get; init; }

    /// <summary>See <see cref="ProcessOwner.StartTime"/>.</summary>
    public required long StartTime { get; init; }

    /// <summary>Absolute workspace root; empty for directories that belong to no workspace run (e.g. a push's layer).</summary>
    public string WorkspaceRoot { get; init; } = string.Empty;

    /// <summary>The workspace's logs root, relative to <see cref="WorkspaceRoot"/>.</summary>
    public string LogsRoot { get; init; } = string.Empty;

    public string WorkspaceName { get; init; } = string.Empty;

    public string Command { get; init; } = string.Empty;

    public string User { get; init; } = string.Empty;

    public DateTimeOffset Started { get; init; }

    [JsonIgnore]
    public ProcessOwner Owner => new(Pid, Host, StartTime);

    /// <summary>A record owned by this process.</summary>
    public static RunRecord ForCurrentProcess(string transactionId) => new()
    {
        TransactionId = transactionId,
        Pid = ProcessOwner.Current.Pid,
        Host = ProcessOwner.Current.Host,
        StartTime = ProcessOwner.Current.StartTime,
        User = Environment.UserName,
        Started = DateTimeOffset.Now,
    };

    /// <summary>The record of a workspace run of this process.</summary>
    public static RunRecord ForRun(string transactionId, Model.Workspace workspace, string command, DateTimeOffset started) =>
        ForCurrentProcess(transactionId) with
        {
            WorkspaceRoot = workspace.RootPath,
            LogsRoot = workspace.Settings.LogsRoot,
            WorkspaceName = workspace.Name,
            Command = command,
            Started = started,
        };

    public string ToJson() => JsonSerializer.Serialize(this, RunRecordJsonContext.Default.RunRecord);

    /// <summary>The record, or null when the text is not one (a directory being created, or not ours).</summary>
    public static RunRecord? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, RunRecordJsonContext.Default.RunRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunRecordJsonContext : JsonSerializerContext;
