using System.Text;
using System.Text.Json;
using Polycrate.Build.Model;

namespace Polycrate.Build.Serialization;

/// <summary>Writes a <see cref="ConfigValue"/> tree as indented JSON, keeping key order and scalar types.</summary>
internal static class ConfigJsonWriter
{
    public static string Write(ConfigValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One line, characters unescaped where JSON allows it: for environment variables and rendered templates.</summary>
    public static string WriteCompact(ConfigValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, ConfigValue value)
    {
        switch (value)
        {
            case ConfigMap map:
                writer.WriteStartObject();
                foreach (var (key, child) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, child);
                }

                writer.WriteEndObject();
                break;
            case ConfigList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ConfigScalar scalar:
                switch (scalar.ToPlainObject())
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case long l:
                        writer.WriteNumberValue(l);
                        break;
                    case double d when double.IsFinite(d):
                        writer.WriteNumberValue(d);
                        break;
                    default:
                        writer.WriteStringValue(scalar.Text);
                        break;
                }

                break;
        }
    }
}
