using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Polycrate.Build.Registry;

/// <summary>
/// JSON for manifests, indexes, configs and tag lists (OCI image spec v1.1, distribution spec "tags/list").
/// Output is compact and ordered (declaration order, dictionaries built sorted), so the same block always
/// serialises to the same bytes and therefore the same digest. Serialisation is source-generated
/// (<see cref="RegistryJsonContext"/>) so the native-AOT CLI needs no run-time code generation.
/// </summary>
internal static class RegistryJson
{
    /// <summary>UTF-8 JSON of <paramref name="value"/>; <typeparamref name="T"/> must be listed in <see cref="RegistryJsonContext"/>.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Parses a document; <see cref="InvalidDataException"/> names <paramref name="what"/> when it is not of the expected shape.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException("null document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} is not valid JSON of the expected shape: {e.Message}", e);
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        RegistryJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(RegistryJsonContext)}.");
}

/// <summary>The registry document types, source-generated: compact, nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(TagList))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
