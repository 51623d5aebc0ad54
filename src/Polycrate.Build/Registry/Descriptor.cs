using System.Text.Json.Serialization;

namespace Polycrate.Build.Registry;

/// <summary>An OCI content descriptor: what a manifest says about a blob or a child manifest.</summary>
internal sealed record Descriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("size")] long Size)
{
    [JsonPropertyName("platform")]
    public Platform? Platform { get; init; }

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

/// <summary>Platform of an index entry.</summary>
internal sealed record Platform(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os)
{
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }
}
