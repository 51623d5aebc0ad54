using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polycrate.Build.Registry;

/// <summary>
/// JSON settings for manifests and configs. Output is compact and ordered (declaration order, dictionaries
/// built sorted), so the same block always serialises to the same bytes and therefore the same digest.
/// </summary>
internal static class RegistryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} is not valid JSON of the expected shape: {e.Message}", e);
        }
    }
}
