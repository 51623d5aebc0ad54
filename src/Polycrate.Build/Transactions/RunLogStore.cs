using System.Globalization;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Transactions;

/// <summary>Writes run logs under the workspace's logs root and reads them back for <c>logs list</c> / <c>logs inspect</c>.</summary>
public sealed class RunLogStore
{
    private readonly string _logsRoot;
    private readonly ILogFileWriter _files;

    /// <summary><paramref name="files"/> writes the file contents; null for the real file system (tests inject failures here).</summary>
    public RunLogStore(string workspaceRoot, string logsRoot, ILogFileWriter? files = null)
    {
        _logsRoot = Path.Combine(workspaceRoot, logsRoot);
        _files = files ?? FileSystemLogFileWriter.Instance;
    }

    /// <summary>
    /// Writes atomically (temp file + rename) and returns the path. When writing fails (disk full, no permission) the
    /// temporary file is removed before the exception propagates, so a failed write leaves nothing behind.
    /// </summary>
    public async Task<string> WriteAsync(RunLog log, CancellationToken cancellationToken)
    {
        var path = PathOf(log.TransactionId, log.Started);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await _files.WriteAllTextAsync(temporary, ConfigYamlWriter.Write(ToConfig(log)), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return path;
    }

    /// <summary>True when the log of <paramref name="transactionId"/> started at <paramref name="started"/> exists.</summary>
    public bool Exists(string transactionId, DateTimeOffset started) => File.Exists(PathOf(transactionId, started));

    private string PathOf(string transactionId, DateTimeOffset started) =>
        Path.Combine(_logsRoot, started.ToString("yyyy", CultureInfo.InvariantCulture), started.ToString("MM", CultureInfo.InvariantCulture),
            started.ToString("dd", CultureInfo.InvariantCulture), transactionId + ".yml");

    /// <summary>All logs, newest first: (path, transaction id, started, status, command).</summary>
    public IReadOnlyList<RunLogEntry> List()
    {
        if (!Directory.Exists(_logsRoot))
        {
            return [];
        }

        return Directory.EnumerateFiles(_logsRoot, "*.yml", SearchOption.AllDirectories)
            .Select(Read)
            .OfType<RunLogEntry>()
            .OrderByDescending(e => e.Started)
            .ToList();
    }

    public RunLogEntry? Find(string transactionId) =>
        List().FirstOrDefault(e => e.TransactionId.StartsWith(transactionId, StringComparison.OrdinalIgnoreCase));

    private static RunLogEntry? Read(string path)
    {
        var file = YamlFile.Parse(path, File.ReadAllText(path), new DiagnosticBag());
        if (file.Root is not YamlMappingNode)
        {
            return null;
        }

        var content = (ConfigMap)ConfigValueReader.Read(file.Root, file, new DiagnosticBag());
        string Text(string key) => content[key]?.ToString() ?? string.Empty;
        return DateTimeOffset.TryParse(Text("started"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var started)
            ? new RunLogEntry(path, Text("transaction"), started, Text("status"), Text("command"), content)
            : null;
    }

    public static ConfigMap ToConfig(RunLog log) => new([.. Core(log).Entries, .. log.Details.Entries]);

    private static ConfigMap Core(RunLog log) => ConfigMap.Of(
        ("transaction", ConfigScalar.String(log.TransactionId)),
        ("workspace", ConfigScalar.String(log.Workspace)),
        ("command", ConfigScalar.String(log.Command)),
        ("user", ConfigScalar.String(log.User)),
        ("started", ConfigScalar.String(log.Started.ToString("o", CultureInfo.InvariantCulture))),
        ("finished", ConfigScalar.String(log.Finished.ToString("o", CultureInfo.InvariantCulture))),
        ("status", ConfigScalar.String(log.Status)),
        ("exit_code", ConfigScalar.Integer(log.ExitCode)),
        ("version", ConfigScalar.String(log.Version)),
        ("targets", new ConfigList(log.Targets.Select(t => (ConfigValue)ConfigMap.Of(
            ("id", ConfigScalar.String(t.Id)),
            ("kind", ConfigScalar.String(t.Kind.ToString().ToLowerInvariant())),
            ("workflow", Optional(t.Workflow)),
            ("step", Optional(t.Step)),
            ("block", Optional(t.Block)),
            ("action", Optional(t.Action)),
            ("status", ConfigScalar.String(t.Status)),
            ("exit_code", t.ExitCode is { } code ? ConfigScalar.Integer(code) : null),
            ("duration_seconds", new ConfigScalar(ScalarKind.Float, t.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture))),
            ("message", Optional(t.Message)),
            ("output", Optional(t.Output)))).ToList())));

    private static ConfigScalar? Optional(string? value) => value is null ? null : ConfigScalar.String(value);
}

/// <summary>A run log as read back from disk.</summary>
public sealed record RunLogEntry(string Path, string TransactionId, DateTimeOffset Started, string Status, string Command, ConfigMap Content);
