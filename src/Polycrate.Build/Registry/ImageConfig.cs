using System.Text.Json.Serialization;

namespace Polycrate.Build.Registry;

/// <summary>The parts of an OCI / Docker image config a block needs: platform, labels and layer diff ids.</summary>
internal sealed record ImageConfig(
    [property: JsonPropertyName("created")] string? Created,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("config")] ImageConfigDetails? Config,
    [property: JsonPropertyName("rootfs")] RootFs RootFs);

/// <summary>The execution part of an image config; Docker spells its keys with capitals.</summary>
internal sealed record ImageConfigDetails(
    [property: JsonPropertyName("Labels")] IReadOnlyDictionary<string, string>? Labels);

internal sealed record RootFs(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("diff_ids")] IReadOnlyList<string> DiffIds);
