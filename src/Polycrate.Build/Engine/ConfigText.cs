using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Engine;

/// <summary>The text front ends print data results in (<c>-o yaml|json</c>): the engine's own writers, so every front end writes the same.</summary>
public static class ConfigText
{
    /// <summary>Block-style YAML; strings another YAML reader could take for another type are double-quoted (reference §4).</summary>
    public static string Yaml(ConfigValue value) => ConfigYamlWriter.Write(value);

    /// <summary>
    /// The same YAML as <see cref="Yaml"/>, written to <paramref name="writer"/> chunk by chunk as rendered: a large result
    /// (a 1,000-block inspect is about 2.4 MB) is not copied into one string first.
    /// </summary>
    public static async Task WriteYamlAsync(ConfigValue value, TextWriter writer)
    {
        foreach (var chunk in ConfigYamlWriter.Render(value).GetChunks())
        {
            await writer.WriteAsync(chunk);
        }
    }

    /// <summary>Indented JSON.</summary>
    public static string Json(ConfigValue value) => ConfigJsonWriter.Write(value);
}
