using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// A block's changelog (polycrate.md §4): <c>CHANGELOG.poly</c> beside block.poly (it wins) or a <c>changelog:</c> key, a
/// list of <c>{version, date, type, description, message, email}</c>. Polycrate shows it as <c>block.changelog</c> in
/// snapshots and inspect output and refuses to load a workspace whose changelog is not in that format; a changelog has
/// no effect on a run, so here such a file is a warning (PCB1024) at its problem and is left out.
/// </summary>
internal static class ChangelogReader
{
    /// <summary>The file Polycrate reads beside block.poly.</summary>
    public const string FileName = "CHANGELOG.poly";

    private static readonly HashSet<string> Keys = new(["version", "date", "type", "description", "message", "email"], StringComparer.Ordinal);

    /// <summary>Reads <see cref="FileName"/> beside <paramref name="blockFile"/>, or returns null (no file, or warned about).</summary>
    public static async Task<ConfigList?> ReadFileAsync(string blockFile, DiagnosticBag diagnostics, InputLimits limits, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetDirectoryName(blockFile)!, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        // Its own bag: whatever is wrong in it (even its YAML) becomes one warning, never an invalid workspace.
        var own = new DiagnosticBag();
        var text = await PolyFileReader.ReadAsync(path, limits, own, cancellationToken);
        var file = text is null ? null : YamlFile.Parse(path, text, own, limits);
        var changelog = file?.Root is { } root ? Read(root, file, own) : null;
        if (own.Items is [var problem, ..])
        {
            diagnostics.Warning(DiagnosticCodes.ChangelogFormat, $"{FileName} is left out of block.changelog: {problem.Message}", problem.Location,
                "write it as a list of entries with version, date, type and optionally description, message, email (Polycrate refuses to load any other form)");
            return null;
        }

        return changelog;
    }

    /// <summary>The <c>changelog:</c> key of a block.poly, or null (absent, or not in the format: a warning at the problem).</summary>
    public static ConfigList? ReadKey(MappingReader block)
    {
        if (block.Node("changelog") is not { } node || MappingReader.IsNull(node))
        {
            return null;
        }

        var own = new DiagnosticBag();
        var changelog = Read(node, block.File, own);
        if (own.Items is [var problem, ..])
        {
            block.Diagnostics.Warning(DiagnosticCodes.ChangelogFormat, $"{block.Context}.changelog is left out of block.changelog: {problem.Message}", problem.Location,
                "write it as a list of entries with version, date, type and optionally description, message, email");
        }

        return changelog;
    }

    /// <summary>Reads a changelog list; problems go to <paramref name="diagnostics"/> and make the result null.</summary>
    public static ConfigList? Read(YamlNode node, YamlFile file, DiagnosticBag diagnostics)
    {
        if (node is not YamlSequenceNode entries)
        {
            diagnostics.Warning(DiagnosticCodes.ChangelogFormat, "found a mapping or text, expected a list of changelog entries", file.LocationOf(node));
            return null;
        }

        var before = diagnostics.Items.Count;
        foreach (var entry in entries.Children)
        {
            if (entry is not YamlMappingNode mapping)
            {
                diagnostics.Warning(DiagnosticCodes.ChangelogFormat, "found a value that is not an entry, expected 'version:', 'date:', 'type:' …", file.LocationOf(entry));
                continue;
            }

            foreach (var key in mapping.Children.Keys.Where(k => k is not YamlScalarNode { Value: { } name } || !Keys.Contains(name)))
            {
                diagnostics.Warning(DiagnosticCodes.ChangelogFormat, $"unknown changelog key '{MessageText.Cut((key as YamlScalarNode)?.Value ?? "?")}'", file.LocationOf(key));
            }
        }

        return diagnostics.Items.Count > before ? null : (ConfigList)ConfigValueReader.Read(node, file, diagnostics);
    }
}
