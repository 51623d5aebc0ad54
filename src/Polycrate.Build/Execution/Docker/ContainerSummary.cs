namespace Polycrate.Build.Execution.Docker;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
internal sealed record ContainerSummary(
    string Id,
    IReadOnlyList<string> Names,
    string Image,
    string State,
    IReadOnlyDictionary<string, string> Labels);
