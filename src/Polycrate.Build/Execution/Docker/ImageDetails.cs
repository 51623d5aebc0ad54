namespace Polycrate.Build.Execution.Docker;

/// <summary>A local image as the engine describes it (<c>GET /images/{name}/json</c>).</summary>
internal sealed record ImageDetails(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels);
