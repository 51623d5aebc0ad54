using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Reads a block's changelog: <c>CHANGELOG.poly</c> beside block.poly (a list of <c>{version, date, type, description,
/// message, email}</c>, Polycrate reference §4), or block.poly's <c>changelog:</c> key. Polycrate refused to load a block
/// whose changelog had an unknown key or did not parse; the changelog only informs, so here every problem is a warning
/// at its file:line:col (PCB1024) and the well-formed entries are kept. A missing file is no problem.
/// </summary>
internal static class ChangelogReader
{
    public const string FileName = "CHANGELOG.poly";

    private const string Hint = "write a list of entries with the keys version, date, type, description, message and email, e.g. "
        + "'- {version: 1.0.1, date: \"2026-11-30\", type: patch, message: \"…\"}'";

    /// <summary>The entries of <c>CHANGELOG.poly</c> in <paramref name="blockDirectory"/>; null when there is no such file.</summary>
    public static async Task<IReadOnlyList<BlockChangelogEntry>?> ReadFileAsync(string blockDirectory, DiagnosticBag diagnostics, InputLimits limits,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(blockDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var found = new DiagnosticBag();
        var text = await PolyFileReader.ReadAsync(path, limits, found, cancellationToken);
        var file = text is null ? null : YamlFile.Parse(path, text, found, limits);
        var entries = file?.Root is null ? [] : Entries(file.Root, file, found, FileName);
        Report(found, diagnostics);
        return entries;
    }

    /// <summary>The entries of block.poly's <c>changelog:</c> value; problems are warnings.</summary>
    public static IReadOnlyList<BlockChangelogEntry> Read(YamlNode? node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }

        var found = new DiagnosticBag();
        var entries = Entries(node, file, found, context);
        Report(found, diagnostics);
        return entries;
    }

    private static List<BlockChangelogEntry> Entries(YamlNode node, YamlFile file, DiagnosticBag found, string context)
    {
        var entries = new List<BlockChangelogEntry>();
        if (node is not YamlSequenceNode list)
        {
            found.Error(DiagnosticCodes.UnexpectedType, $"{context}: expected a list of entries", file.LocationOf(node));
            return entries;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (MappingReader.From(list.Children[i], file, found, $"{context}[{i}]") is not { } entry)
            {
                continue;
            }

            entries.Add(new BlockChangelogEntry(entry.String("version"), entry.String("date"), entry.String("type"), entry.String("description"),
                entry.String("message"), entry.String("email")));
            entry.ReportUnknownKeys();
        }

        return entries;
    }

    /// <summary>Every problem found, as a warning that says the changelog is not what Polycrate accepts.</summary>
    private static void Report(DiagnosticBag found, DiagnosticBag diagnostics)
    {
        foreach (var problem in found.Items)
        {
            diagnostics.Warning(DiagnosticCodes.ChangelogInvalid, $"block changelog: {problem.Message} (Polycrate refused to load the block; here the entry is left out)",
                problem.Location, problem.Hint ?? Hint);
        }
    }
}
