using Polycrate.Build.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>A parsed YAML file: its root node and the path diagnostics are reported against.</summary>
internal sealed record YamlFile(string Path, YamlNode? Root, bool SyntaxError = false)
{
    /// <summary>The limits the file was read with.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    public SourceLocation LocationOf(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public SourceLocation FileLocation => new(Path, 1, 1);

    /// <summary>
    /// Parses <paramref name="text"/> within <paramref name="limits"/> (default: <see cref="InputLimits.Default"/>) and
    /// applies merge keys; a syntax error or a limit exceeded becomes a diagnostic at its position and a null root.
    /// </summary>
    public static YamlFile Parse(string path, string text, DiagnosticBag diagnostics, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var stream = new YamlStream();
        var parser = new DepthLimitingParser(new Parser(new StringReader(text)), limits.MaxYamlDepth);
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitException ex)
        {
            diagnostics.Error(ex.Code, ex.Message, new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column), ex.Hint);
            return new YamlFile(path, null, SyntaxError: true) { Limits = limits };
        }
        catch (YamlException ex)
        {
            var (location, message, hint) = YamlErrorPosition.Locate(path, text, ex, parser.Current?.End, Describe(ex));
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML: {message}", location, hint);
            return new YamlFile(path, null, SyntaxError: true) { Limits = limits };
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some unclosed flow collections
            // ("x: [1, 2" followed by "y: 3"); the error lies after the last event it read.
            var mark = parser.Current?.End;
            var location = new SourceLocation(path, (int)(mark?.Line ?? 1), (int)(mark?.Column ?? 1));
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML after this position: {ex.Message}", location,
                "check for an unclosed '[' or '{' (or an unclosed quote) at or after this position");
            return new YamlFile(path, null, SyntaxError: true) { Limits = limits };
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"found {stream.Documents.Count} YAML documents, expected one",
                new SourceLocation(path, (int)stream.Documents[1].RootNode.Start.Line, 1), "remove the '---' separator");
        }

        var file = new YamlFile(path, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode) { Limits = limits };
        return file.Root is null ? file : Checked(file, diagnostics);
    }

    /// <summary>Refuses alias bombs and alias cycles before anything expands them, then applies merge keys.</summary>
    private static YamlFile Checked(YamlFile file, DiagnosticBag diagnostics)
    {
        foreach (var pass in new[] { false, true })
        {
            // Measured again after merging: merge keys add references to the merged values.
            if (YamlExpansion.Check(file.Root!, file.Limits) is { } problem)
            {
                diagnostics.Error(problem.Code, problem.Message, file.LocationOf(problem.Node), problem.Hint);
                return file with { Root = null, SyntaxError = true };
            }

            // Without a merge key the tree is unchanged and a second measurement would find the same (most files).
            if (pass || !YamlMergeKeys.Apply(file.Root!, file, diagnostics))
            {
                break;
            }
        }

        return file;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the location is reported separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
