using System.Globalization;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Limits;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Transactions;

/// <summary>Writes run logs under the workspace's logs root and reads them back for <c>logs list</c> / <c>logs inspect</c>.</summary>
internal sealed class RunLogStore
{
    private readonly string _logsRoot;
    private readonly ILogFileWriter _files;
    private long? _maxFileBytes;

    /// <summary>Default of <see cref="LimitVariables.MaxLogFileBytes"/>: 64 MiB (a log keeps at most 200 output lines per target).</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// <paramref name="files"/> writes the file contents; null for the real file system (tests inject failures here).
    /// <paramref name="maxFileBytes"/> bounds the logs read back; null takes <see cref="LimitVariables.MaxLogFileBytes"/> from
    /// the environment when the first log is read (PCB7001 for a bad value; writing never looks at it), else <see cref="DefaultMaxFileBytes"/>.
    /// </summary>
    public RunLogStore(string workspaceRoot, string logsRoot, ILogFileWriter? files = null, long? maxFileBytes = null)
    {
        _logsRoot = Path.Combine(workspaceRoot, logsRoot);
        _files = files ?? FileSystemLogFileWriter.Instance;
        _maxFileBytes = maxFileBytes;
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

    /// <summary>
    /// All readable logs, newest first. Only regular files within the log size limit are read (symlinks are skipped); a log
    /// that cannot be read or parsed is left out and reported to <paramref name="skipped"/> (PCB1042 / its YAML error at the file).
    /// </summary>
    public IReadOnlyList<RunLogEntry> List(Action<Diagnostic>? skipped = null) =>
        Files("*.yml").Select(path => Read(path, skipped)).OfType<RunLogEntry>().OrderByDescending(e => e.Started).ToList();

    /// <summary>
    /// The log whose transaction id starts with <paramref name="transactionId"/> (the newest file of that id). Logs are named
    /// <c>&lt;transaction&gt;.yml</c>, so only files of a matching name are read.
    /// </summary>
    /// <exception cref="NotFoundException">The prefix starts several transaction ids (PCB2004, exit 2; they are listed).</exception>
    /// <exception cref="WorkspaceException">A matching log is not a regular file, is larger than the limit, or is not a run log (PCB1042, or its YAML error).</exception>
    public RunLogEntry? Find(string transactionId)
    {
        var matches = new List<RunLogEntry>();
        foreach (var path in Files("*.yml").Where(p => Path.GetFileName(p).StartsWith(transactionId, StringComparison.OrdinalIgnoreCase)))
        {
            var problems = new List<Diagnostic>();
            var entry = Read(path, problems.Add);
            if (entry is null)
            {
                throw new WorkspaceException(problems);
            }

            matches.Add(entry);
        }

        var found = matches.Where(e => e.TransactionId.StartsWith(transactionId, StringComparison.OrdinalIgnoreCase)).OrderByDescending(e => e.Started).ToList();
        // A prefix of several runs must not show one of them as if it were the run meant (as git refuses an ambiguous short hash).
        var runs = found.Select(e => e.TransactionId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (runs.Count > 1)
        {
            throw new NotFoundException($"'{MessageText.Cut(transactionId)}' is the start of {runs.Count} run ids: "
                + MessageText.List(found.DistinctBy(e => e.TransactionId, StringComparer.OrdinalIgnoreCase).Take(5)
                    .Select(e => $"{e.TransactionId} ({e.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}, {e.Status})"))
                + (runs.Count > 5 ? ", …" : string.Empty) + "; type more of the id ('polycrate-build logs list' shows them all)");
        }

        return found.FirstOrDefault();
    }

    /// <summary>Regular files below the logs root; symlinks (to files or folders) are never followed.</summary>
    private IEnumerable<string> Files(string pattern) =>
        Directory.Exists(_logsRoot)
            ? Directory.EnumerateFiles(_logsRoot, pattern, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            : [];

    private RunLogEntry? Read(string path, Action<Diagnostic>? skipped)
    {
        var location = new SourceLocation(path, 0, 0);
        _maxFileBytes ??= LimitVariables.Count(Environment.GetEnvironmentVariable, LimitVariables.MaxLogFileBytes, DefaultMaxFileBytes);
        var read = RegularFileReader.Read(path, _maxFileBytes.Value, LimitVariables.MaxLogFileBytes);
        if (read.Text is null)
        {
            skipped?.Invoke(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileNotReadable, $"run log: {read.Problem}", location, read.Hint));
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var file = YamlFile.Parse(path, read.Text, diagnostics);
        if (file.Root is not YamlMappingNode)
        {
            foreach (var diagnostic in diagnostics.Items.Count > 0 ? diagnostics.Items
                : [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnexpectedType, "run log: not a mapping", location, "delete the file; it is not a run log")])
            {
                skipped?.Invoke(diagnostic);
            }

            return null;
        }

        var content = (ConfigMap)ConfigValueReader.Read(file.Root, file, new DiagnosticBag());
        string Text(string key) => content[key]?.ToString() ?? string.Empty;
        if (DateTimeOffset.TryParse(Text("started"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var started))
        {
            return new RunLogEntry(path, Text("transaction"), started, Text("status"), Text("command"), content);
        }

        skipped?.Invoke(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MissingRequired, "run log: no valid 'started' time", location, "delete the file; it is not a run log"));
        return null;
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
