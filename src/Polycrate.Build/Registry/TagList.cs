using System.Text.Json.Serialization;

namespace Polycrate.Build.Registry;

/// <summary>The answer of <c>GET /v2/&lt;name&gt;/tags/list</c> (OCI distribution spec, "Listing Tags").</summary>
internal sealed record TagList(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags);
