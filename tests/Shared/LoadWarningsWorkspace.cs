using System.Text.RegularExpressions;

namespace Polycrate.Build.Testing;

/// <summary>One load warning as a front end shows it: code, file (relative to the workspace, '/'-separated), line, column.</summary>
internal sealed record ShownWarning(string Code, string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column} {Code}";
}

/// <summary>
/// A workspace that loads and runs with seven load warnings of five codes in four files, for the front-end parity tests
/// (issue 13): the CLI, the MSBuild SDK and the Cake addin must each show exactly these, once, at these positions. Its
/// workflow <c>release</c> has two steps (<c>first</c> → <c>second</c>, both plain scripts), so a step target runs two
/// engine calls in MSBuild and Cake and a repeated warning shows. Compiled into the CLI, MSBuild and Cake test projects.
/// </summary>
internal static partial class LoadWarningsWorkspace
{
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["workspace.poly"] = """
            name: parity
            colour: blue
            blocks:
              - name: app
            workflows:
              - name: release
                steps:
                  - name: first
                    block: app
                    action: hello
                  - name: second
                    block: app
                    action: other
                    needs: [first]
            """,
        ["blocks/app/block.poly"] = """
            name: app
            version: 0.1.0
            kind: generic
            flavour: sweet
            actions:
              - name: hello
                script:
                  - echo hello
              - name: deploy
                playbook: deploy.yml
                interactive: true
              - name: other
                type: weird
                script:
                  - echo other
            """,
        // Polycrate validated config against it; polycrate-build does not (PCB1021 at 1:1).
        ["blocks/app/schema.json"] = "{\"type\": \"object\"}",
        // Encrypted secrets without a key (WORKSPACE_ENCRYPTION_KEY unset): PCB1031 at 1:1; the content is never read.
        ["secrets.poly.age"] = "age-encryption.org/v1\n",
    };

    /// <summary>
    /// What every front end must show: each warning at the first character of what it is about (the unknown key; the
    /// value of <c>playbook:</c> and <c>type:</c>; the file's start for the locked secrets).
    /// </summary>
    public static IReadOnlyList<ShownWarning> Expected { get; } =
    [
        new("PCB1003", "workspace.poly", 2, 1),
        new("PCB1003", "blocks/app/block.poly", 4, 1),
        new("PCB1020", "blocks/app/block.poly", 10, 15),
        new("PCB1021", "blocks/app/block.poly", 11, 18),
        new("PCB1005", "blocks/app/block.poly", 13, 11),
        new("PCB1021", "blocks/app/schema.json", 1, 1),
        new("PCB1031", "secrets.poly.age", 1, 1),
    ];

    /// <summary>Writes the files into <paramref name="root"/>.</summary>
    public static void WriteTo(string root)
    {
        foreach (var (relative, content) in Files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content + "\n");
        }
    }

    /// <summary>Every warning line of the CLI (stderr) or the Cake log: <c>FILE:LINE:COL: warning PCBnnnn: …</c>, in order.</summary>
    public static IReadOnlyList<ShownWarning> FromCliFormat(string output, string root) =>
        CliLine().Matches(output).Select(m => Shown(m, root)).ToList();

    /// <summary>Every warning line of MSBuild's console log before its summary: <c>FILE(LINE,COL): Polycrate warning PCBnnnn: …</c>.</summary>
    public static IReadOnlyList<ShownWarning> FromMSBuildFormat(string output, string root)
    {
        // The console logger repeats every warning in its closing summary; only the lines as they happened count.
        var summary = Summary().Match(output);
        var body = summary.Success ? output[..summary.Index] : output;
        return MSBuildLine().Matches(body).Select(m => Shown(m, root)).ToList();
    }

    private static ShownWarning Shown(Match match, string root) => new(
        match.Groups["code"].Value,
        Path.GetRelativePath(root, match.Groups["file"].Value).Replace(Path.DirectorySeparatorChar, '/'),
        int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\s*(?<file>/\S+?):(?<line>\d+):(?<col>\d+): warning (?<code>PCB\d{4}): ", RegexOptions.Multiline)]
    private static partial Regex CliLine();

    [GeneratedRegex(@"^\s*(?<file>/\S+?)\((?<line>\d+),(?<col>\d+)\): Polycrate warning (?<code>PCB\d{4}): ", RegexOptions.Multiline)]
    private static partial Regex MSBuildLine();

    [GeneratedRegex(@"^\s*Build (succeeded|FAILED)\.", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
