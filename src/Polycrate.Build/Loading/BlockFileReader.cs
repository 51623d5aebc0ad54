using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>
/// Parses one <c>block.poly</c> on its own: used while discovering a workspace's blocks and to validate a pulled
/// block before it is installed. Problems go to the diagnostics bag with file, line and column.
/// </summary>
internal static class BlockFileReader
{
    public static Block? Parse(string path, string text, DiagnosticBag diagnostics, InputLimits? limits = null)
    {
        var file = YamlFile.Parse(path, text, diagnostics, limits);
        return file.Root is null ? null : BlockParser.Parse(file.Root, file, diagnostics, "block", Path.GetDirectoryName(path));
    }

    /// <summary>Reads (regular files within the size limit only, see <see cref="PolyFileReader"/>) and parses one block.poly.</summary>
    public static async Task<Block?> ReadAsync(string path, DiagnosticBag diagnostics, InputLimits limits, CancellationToken cancellationToken)
    {
        var text = await PolyFileReader.ReadAsync(path, limits, diagnostics, cancellationToken);
        WarnAboutSchemaFile(path, diagnostics);
        var block = text is null ? null : Parse(path, text, diagnostics, limits);
        return block is not null && await ChangelogReader.ReadFileAsync(path, diagnostics, limits, cancellationToken) is { } changelog
            ? block with { Changelog = changelog }
            : block;
    }

    /// <summary>Polycrate checks a block's merged config against its <c>schema.json</c>; we do not, and say so rather than pass silently.</summary>
    private static void WarnAboutSchemaFile(string blockFile, DiagnosticBag diagnostics)
    {
        var schema = Path.Combine(Path.GetDirectoryName(blockFile)!, SchemaFileName);
        if (File.Exists(schema))
        {
            diagnostics.Warning(DiagnosticCodes.NotSupported,
                $"{SchemaFileName} is not checked by polycrate-build: the block's config is not validated against it (Polycrate refused to load a config that did not match)",
                new SourceLocation(schema, 1, 1),
                "check the config values this block needs yourself (e.g. an 'assert' task at the start of its playbooks); the file is kept and pushed with the block");
        }
    }

    private const string SchemaFileName = "schema.json";
}
