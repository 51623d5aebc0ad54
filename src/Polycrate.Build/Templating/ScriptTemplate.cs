using System.Text;
using System.Text.RegularExpressions;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Templating;

/// <summary>
/// Renders the Go-template field references Polycrate supports in script lines (polycrate.md §7.4), once, from the
/// action's snapshot. The rule, so that other <c>{{ … }}</c> text keeps working:
/// <list type="bullet">
/// <item>An action <c>{{ … }}</c> whose content (after an optional <c>-</c> trim marker and spaces) is exactly a field
/// chain <c>.Root.Field[.Field…]</c> with Root one of <see cref="Roots"/> is replaced by the value; <c>{{- </c> and
/// <c> -}}</c> trim the whitespace next to it as in Go.</item>
/// <item>Any other action that still uses such a chain as a term (<c>{{ .Block.Config.x | quote }}</c>,
/// <c>{{ if .Block.Config.x }}</c>) is an error: only field references are rendered.</item>
/// <item>Everything else — <c>{{.Names}}</c>, <c>{{ json .State }}</c>, a bare <c>{{ .Action }}</c>, Jinja
/// <c>{{ foo }}</c> — is left exactly as written.</item>
/// </list>
/// A field that does not exist is an error at the line's file:line:col (PCB1018).
/// </summary>
internal static partial class ScriptTemplate
{
    /// <summary>The Go field names Polycrate's templates start from.</summary>
    public static IReadOnlyList<string> Roots { get; } = ["Workspace", "Block", "Action", "Env", "Workflow", "Step"];

    /// <summary>
    /// Renders <paramref name="text"/>; <paramref name="data"/> answers the field chains, <paramref name="location"/> is
    /// where the text starts (for errors). Throws <see cref="WorkspaceException"/> (PCB1018/PCB1019, exit code 2).
    /// </summary>
    public static string Render(string text, TemplateData data, SourceLocation? location)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder();
        var position = 0;
        var trimNext = false;
        foreach (Match action in ActionPattern().Matches(text))
        {
            var literal = text[position..action.Index];
            var field = FieldPattern().Match(action.Value);
            if (field.Success)
            {
                literal = trimNext ? literal.TrimStart() : literal;
                output.Append(field.Groups["left"].Success ? literal.TrimEnd() : literal);
                var path = field.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries);
                output.Append(data.Resolve(path) ?? throw Error(DiagnosticCodes.TemplateFieldMissing, text, action.Index, location,
                    $"'{action.Value}': {data.Explain(path)}", "use a field that exists (see `workspace snapshot BLOCK ACTION`; Go names: .Block.Config.key, .Workspace.Name, .Env.NAME)"));
                trimNext = field.Groups["right"].Success;
            }
            else if (TermPattern().IsMatch(action.Value))
            {
                throw Error(DiagnosticCodes.TemplateUnsupported, text, action.Index, location,
                    $"'{action.Value}': only plain field references like {{{{ .Block.Config.key }}}} are rendered in script lines",
                    "compute the value in the script (e.g. from $BLOCK_CONFIG_KEY) or in the block's config");
            }
            else if (LowerCaseRootPattern().Match(action.Value) is { Success: true } lower)
            {
                // Polycrate refused these at load (Go's template engine has no field 'block'); passing them on literally would be silent.
                var root = lower.Groups["root"].Value;
                throw Error(DiagnosticCodes.TemplateFieldMissing, text, action.Index, location,
                    $"'{action.Value}': '.{root}' is not a field; Go template fields start with a capital letter",
                    $"write .{char.ToUpperInvariant(root[0])}{root[1..]} (e.g. {{{{ .Block.Config.key }}}}); in a playbook use Jinja without the dot: {{{{ block.config.key }}}}");
            }
            else
            {
                output.Append(trimNext ? literal.TrimStart() : literal).Append(action.Value);
                trimNext = false;
            }

            position = action.Index + action.Length;
        }

        var rest = text[position..];
        return output.Append(trimNext ? rest.TrimStart() : rest).ToString();
    }

    /// <summary>The first <c>{{ … }}</c> of <paramref name="text"/> that uses a Polycrate Go-template field (<c>{{ .Workspace.Config.Globals.x }}</c>, also inside a larger template), or null.</summary>
    public static string? FirstFieldReference(string text) =>
        !text.Contains("{{", StringComparison.Ordinal) ? null
        : ActionPattern().Matches(text).FirstOrDefault(m => FieldPattern().IsMatch(m.Value) || TermPattern().IsMatch(m.Value))?.Value;

    private static WorkspaceException Error(string code, string text, int index, SourceLocation? location, string message, string hint) =>
        new(new Diagnostic(DiagnosticSeverity.Error, code, "script line template " + message, At(text, index, location), hint));

    /// <summary>The position of <paramref name="index"/> in a script line that starts at <paramref name="start"/>.</summary>
    internal static SourceLocation At(string text, int index, SourceLocation? start)
    {
        start ??= new SourceLocation("<script>", 1, 1);
        var before = text[..index];
        var newlines = before.Count(c => c == '\n');
        if (newlines == 0)
        {
            return start with { Column = start.Column + index };
        }

        // Lines of a block scalar: the column within the text line (the block's indentation is not known here).
        return start with { Line = start.Line + newlines, Column = index - before.LastIndexOf('\n') };
    }

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^\{\{(?<left>-\s)?\s*(?<path>\.(?:Workspace|Block|Action|Env|Workflow|Step)(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(?<right>\s-)?\}\}$", RegexOptions.Singleline)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"(?:^\{\{-?|[\s(|])\.(?:Workspace|Block|Action|Env|Workflow|Step)\.[A-Za-z_]")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"^\{\{-?\s*\.(?<root>workspace|block|action|workflow|step)\.[A-Za-z_]")]
    private static partial Regex LowerCaseRootPattern();
}
