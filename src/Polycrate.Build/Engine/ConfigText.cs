using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Engine;

/// <summary>The text front ends print data results in (<c>-o yaml|json</c>): the engine's own writers, so every front end writes the same.</summary>
public static class ConfigText
{
    /// <summary>Block-style YAML; strings another YAML reader could take for another type are double-quoted (reference §4).</summary>
    public static string Yaml(ConfigValue value) => ConfigYamlWriter.Write(value);

    /// <summary>Indented JSON.</summary>
    public static string Json(ConfigValue value) => ConfigJsonWriter.Write(value);
}
