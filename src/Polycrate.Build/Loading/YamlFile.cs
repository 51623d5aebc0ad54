using Polycrate.Build.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>A parsed YAML file: its root node and the path diagnostics are reported against.</summary>
internal sealed record YamlFile(string Path, YamlNode? Root, bool SyntaxError = false)
{
    public SourceLocation LocationOf(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public SourceLocation FileLocation => new(Path, 1, 1);

    /// <summary>Parses <paramref name="text"/>; a syntax error becomes a diagnostic and a null root.</summary>
    public static YamlFile Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var location = new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML: {Describe(ex)}", location,
                "check indentation and quoting around this position");
            return new YamlFile(path, null, SyntaxError: true);
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"found {stream.Documents.Count} YAML documents, expected one",
                new SourceLocation(path, (int)stream.Documents[1].RootNode.Start.Line, 1), "remove the '---' separator");
        }

        return new YamlFile(path, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the location is reported separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
