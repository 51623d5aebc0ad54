using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary><c>prompt: {message: …}</c> (2025 format) or the shorthand <c>prompt: "…"</c>.</summary>
internal static class PromptReader
{
    public static string? Read(MappingReader reader)
    {
        var node = reader.Node("prompt");
        if (node is YamlScalarNode)
        {
            return reader.String("prompt");
        }

        var prompt = reader.Mapping("prompt");
        if (prompt is null)
        {
            return null;
        }

        var message = prompt.String("message", required: true);
        prompt.ReportUnknownKeys();
        return message;
    }
}
