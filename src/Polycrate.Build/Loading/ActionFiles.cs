using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>An action's <c>playbook:</c> (or a file a script line clearly runs) that is not in its block's directory.</summary>
/// <param name="Block">The block (instance) whose action it is.</param>
/// <param name="Action">The action's name.</param>
/// <param name="Kind"><c>playbook</c> or <c>script</c>: the key the reference is written under.</param>
/// <param name="Path">The reference as written, relative to the block's directory.</param>
/// <param name="Directory">The block's directory, relative to the workspace root ('.' for an inline block).</param>
/// <param name="Location">Where the reference is written (the parent's block.poly for an inherited action).</param>
/// <param name="Suggestion">A file of the directory with a similar name, if there is one.</param>
internal sealed record MissingActionFile(string Block, string Action, string Kind, string Path, string Directory, SourceLocation Location, string? Suggestion)
{
    /// <summary>PCB1020 at the reference: a warning at load (the other actions still run, as in Polycrate), an error when this action runs.</summary>
    public Diagnostic ToDiagnostic(DiagnosticSeverity severity, IReadOnlyCollection<string>? alsoUsedBy = null)
    {
        var users = alsoUsedBy is { Count: > 0 } ? $" (also used by block {MessageText.List(alsoUsedBy)})" : string.Empty;
        var consequence = severity == DiagnosticSeverity.Warning ? "; the action fails when it runs" : string.Empty;
        var target = Directory == "." ? Path : $"{Directory}/{Path}";
        var fix = $"create {target}, or correct the '{Kind}:' path (it is relative to the block's directory {Directory})";
        return new Diagnostic(severity, DiagnosticCodes.ActionFileMissing,
            $"action '{Action}' of block '{Block}'{users} runs {Kind} file '{MessageText.Cut(Path)}', which does not exist in {Directory}{consequence}",
            Location, Suggestion is null ? fix : $"did you mean '{Suggestion}'? Otherwise {fix}");
    }
}

/// <summary>
/// Checks that the files actions run exist, which the 2025 tool only found out when ansible-playbook failed. Polycrate
/// loads such a workspace and runs its other actions, so at load this is a warning; running the action is an error.
/// </summary>
internal static class ActionFiles
{
    /// <summary>Every missing file of <paramref name="action"/> of <paramref name="block"/>; block directories are host paths.</summary>
    public static IReadOnlyList<MissingActionFile> FindMissing(Workspace workspace, Block block, BlockAction action) =>
        FindMissing(workspace, block, action, new ActionFileProbe());

    /// <summary><see cref="FindMissing(Workspace, Block, BlockAction)"/> with the file checks of <paramref name="probe"/> (remembered across calls).</summary>
    internal static IReadOnlyList<MissingActionFile> FindMissing(Workspace workspace, Block block, BlockAction action, ActionFileProbe probe)
    {
        var directory = block.Workdir ?? workspace.RootPath;
        var relativeDirectory = Path.GetRelativePath(workspace.RootPath, directory).Replace(Path.DirectorySeparatorChar, '/');
        var result = new List<MissingActionFile>();
        void Check(string kind, string path, SourceLocation location)
        {
            if (probe.Check(directory, path) is { Exists: false } missing)
            {
                result.Add(new MissingActionFile(block.Name, action.Name, kind, path, relativeDirectory, location, missing.Suggestion));
            }
        }

        if (action.Playbook is { } playbook && ScriptFileReference.IsPlainRelativeFile(playbook) && !IsCollectionPlaybook(playbook))
        {
            Check("playbook", playbook.StartsWith("./", StringComparison.Ordinal) ? playbook[2..] : playbook, action.PlaybookLocation ?? action.Location);
        }

        var lines = ScriptLines(action);
        for (var i = 0; i < lines.Count; i++)
        {
            if (ScriptFileReference.Find(lines[i].Text) is { } reference
                && !ScriptFileReference.MayBePreparedBy(lines.Take(i).Select(l => l.Text), reference.Path))
            {
                var at = lines[i].Location;
                Check("script", reference.Path, at with { Column = at.Column + (lines[i].SingleLine ? reference.Index : 0) });
            }
        }

        return result;
    }

    /// <summary>Adds one warning per missing reference (an inherited reference once, naming every block that uses it).</summary>
    public static void WarnAtLoad(Workspace workspace, DiagnosticBag diagnostics)
    {
        // One probe for the whole workspace: an instance checks the same files in the same directory as the block it
        // inherits from, and the actions of one block share a directory listing for suggestions (bench/ inspect).
        var probe = new ActionFileProbe();
        var missing = workspace.Blocks
            .SelectMany(b => b.Actions.SelectMany(a => FindMissing(workspace, b, a, probe)))
            .GroupBy(m => (m.Location, m.Path));
        foreach (var group in missing)
        {
            var first = group.First();
            var others = group.Skip(1).Select(m => m.Block).Where(b => b != first.Block).Distinct(StringComparer.Ordinal).ToList();
            diagnostics.Add(first.ToDiagnostic(DiagnosticSeverity.Warning, others));
        }
    }

    /// <summary><c>namespace.collection.playbook</c>: ansible-playbook finds it in an installed collection, not in the block.</summary>
    private static bool IsCollectionPlaybook(string playbook) =>
        !playbook.Contains('/') && playbook.Count(c => c == '.') == 2 && !playbook.EndsWith(".yml", StringComparison.Ordinal)
        && !playbook.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>The physical lines of the script with their positions (a multi-line entry: one line per physical line).</summary>
    private static List<(string Text, SourceLocation Location, bool SingleLine)> ScriptLines(BlockAction action)
    {
        var result = new List<(string, SourceLocation, bool)>();
        var script = action.Script ?? [];
        for (var i = 0; i < script.Count; i++)
        {
            var location = action.ScriptLocations is { } locations && i < locations.Count ? locations[i] : action.Location;
            var physical = script[i].Split('\n');
            for (var k = 0; k < physical.Length; k++)
            {
                result.Add((physical[k], location with { Line = location.Line + k }, physical.Length == 1));
            }
        }

        return result;
    }

    /// <summary>A file of the missing file's folder with a similar name (<paramref name="listing"/>: up to 500 file names of a folder, null when it does not exist).</summary>
    internal static string? Suggest(string directory, string path, Func<string, IReadOnlyList<string>?> listing)
    {
        var parent = Path.GetDirectoryName(Path.Combine(directory, path));
        if (parent is null || listing(parent) is not { } files)
        {
            return null;
        }

        var prefix = Path.GetDirectoryName(path) is { Length: > 0 } sub ? sub.Replace(Path.DirectorySeparatorChar, '/') + "/" : string.Empty;
        return EditDistance.Closest(Path.GetFileName(path), files, minimumTolerance: 2, ignoreCase: true) is { } best ? prefix + best : null;
    }
}
