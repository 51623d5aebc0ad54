using System.Globalization;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// <c>blocks.lock</c> beside workspace.poly: every registry block pulled into the workspace with the digest its tag
/// pointed at. A later pull of the same tag that yields another digest is refused unless updating, so a moved tag
/// never changes a workspace silently. Written sorted by repository, without timestamps, so it diffs cleanly and is
/// meant to be committed:
/// <code>
/// version: 1
/// blocks:
///   - repository: registry.acme-corp.com/acme/iot/edge-ota
///     tag: 0.1.0
///     digest: sha256:…
///     name: registry.acme-corp.com/acme/iot/edge-ota
///     version: 0.1.0
///     path: blocks/registry.acme-corp.com/acme/iot/edge-ota
/// </code>
/// </summary>
internal sealed record BlockLockFile(IReadOnlyList<BlockLockEntry> Blocks)
{
    public const string FileName = "blocks.lock";

    /// <summary>Format version written to the file; a file with another version is refused rather than misread.</summary>
    public const int FormatVersion = 1;

    private const string Header =
        "# Registry blocks pulled into this workspace, pinned to the digest their tag pointed at.\n"
        + "# Written by 'polycrate-build blocks pull' and --blocks-auto-pull; commit it with workspace.poly.\n";

    public static BlockLockFile Empty { get; } = new([]);

    public static string PathIn(string workspaceRoot) => System.IO.Path.Combine(workspaceRoot, FileName);

    /// <summary>
    /// Reads the lock file of a workspace; a workspace without one has an empty lock. Like workspace.poly it is read only
    /// as a regular file within <see cref="InputLimits.MaxFileBytes"/> (<paramref name="limits"/>, else from the
    /// environment): anything else throws <see cref="WorkspaceException"/> PCB1042 at the file.
    /// </summary>
    public static Task<BlockLockFile> LoadAsync(string workspaceRoot, CancellationToken cancellationToken, InputLimits? limits = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathIn(workspaceRoot);
        // A dangling symlink is not "no lock file": the reader reports it.
        if (!File.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            return Task.FromResult(Empty);
        }

        limits ??= InputLimits.FromEnvironment(Environment.GetEnvironmentVariable);
        var read = Limits.RegularFileReader.Read(path, limits.MaxFileBytes, InputLimits.FileBytesVariable);
        if (read.Text is null)
        {
            throw new WorkspaceException(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileNotReadable, $"{FileName}: {read.Problem}",
                new SourceLocation(path, 0, 0), read.Hint + "; the file is rewritten by 'polycrate-build blocks pull'"));
        }

        return Task.FromResult(Parse(path, read.Text, limits));
    }

    /// <summary>Parses lock file text; problems throw <see cref="WorkspaceException"/> with file, line and column.</summary>
    public static BlockLockFile Parse(string path, string text, InputLimits? limits = null)
    {
        var diagnostics = new DiagnosticBag();
        var file = YamlFile.Parse(path, text, diagnostics, limits);
        var root = MappingReader.From(file.Root, file, diagnostics, FileName);
        var entries = new List<BlockLockEntry>();
        if (root is not null)
        {
            var version = root.String("version", required: true);
            if (version is not null && version != FormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, $"{FileName}: format version {version} is not supported (this polycrate-build reads version {FormatVersion})",
                    root.LocationOf("version"), "use the polycrate-build version that wrote it, or delete the file and pull the blocks again");
            }

            var items = root.Sequence("blocks") ?? [];
            var repositories = new DuplicateNames("repository", "remove one entry, then run 'polycrate-build blocks pull' for it again");
            for (var i = 0; i < items.Count; i++)
            {
                if (ParseEntry(MappingReader.From(items[i], file, diagnostics, $"{FileName}.blocks[{i}]")) is { } entry)
                {
                    if (!repositories.Add(entry.Repository, file.LocationOf(items[i]), FileName, diagnostics))
                    {
                        continue;
                    }

                    entries.Add(entry);
                }
            }

            root.ReportUnknownKeys();
        }

        diagnostics.ThrowIfErrors(strict: false);
        return new BlockLockFile(Sorted(entries));
    }

    public BlockLockEntry? Find(string repository) => Blocks.FirstOrDefault(b => b.Repository == repository);

    /// <summary>The entry whose install directory is <paramref name="path"/> (relative, '/'-separated).</summary>
    public BlockLockEntry? FindByPath(string path) => Blocks.FirstOrDefault(b => b.Path == path);

    /// <summary>This lock with <paramref name="entry"/> added, or replacing the entry of the same repository.</summary>
    public BlockLockFile With(BlockLockEntry entry) =>
        new(Sorted(Blocks.Where(b => b.Repository != entry.Repository).Append(entry)));

    /// <summary>This lock without the entry installed at <paramref name="path"/> (relative, '/'-separated).</summary>
    public BlockLockFile WithoutPath(string path) => new(Blocks.Where(b => b.Path != path).ToList());

    /// <summary>The file's text: a fixed header, then the entries sorted by repository (deterministic).</summary>
    public string Serialize() =>
        Header + ConfigYamlWriter.Write(ConfigMap.Of(
            ("version", ConfigScalar.Integer(FormatVersion)),
            ("blocks", new ConfigList(Blocks.Select(b => (ConfigValue)ConfigMap.Of(
                ("repository", ConfigScalar.String(b.Repository)),
                ("tag", b.Tag is null ? null : ConfigScalar.String(b.Tag)),
                ("digest", ConfigScalar.String(b.Digest)),
                ("name", ConfigScalar.String(b.Name)),
                ("version", b.Version is null ? null : ConfigScalar.String(b.Version)),
                ("path", ConfigScalar.String(b.Path)))).ToList()))));

    /// <summary>Writes the lock atomically (temporary file, then rename), so a reader never sees half a file.</summary>
    public async Task WriteAsync(string workspaceRoot, CancellationToken cancellationToken)
    {
        var path = PathIn(workspaceRoot);
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, Serialize(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static BlockLockEntry? ParseEntry(MappingReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var repository = reader.String("repository", required: true);
        var tag = reader.String("tag");
        var digest = reader.String("digest", required: true);
        var name = reader.String("name", required: true);
        var version = reader.String("version");
        var path = reader.String("path", required: true);
        if (digest is not null && !ContentDigest.IsValid(digest))
        {
            reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, $"{reader.Context}.digest: '{digest}' is not a digest like sha256:<64 hex digits>",
                reader.LocationOf("digest"), "restore the file from version control, or pull the block again with --update");
        }

        reader.ReportUnknownKeys();
        return repository is null || digest is null || name is null || path is null ? null : new BlockLockEntry(repository, tag, digest, name, version, path);
    }

    private static List<BlockLockEntry> Sorted(IEnumerable<BlockLockEntry> entries) =>
        entries.OrderBy(e => e.Repository, StringComparer.Ordinal).ToList();
}
