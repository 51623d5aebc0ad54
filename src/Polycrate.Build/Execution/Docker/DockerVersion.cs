namespace Polycrate.Build.Execution.Docker;

/// <summary>What the engine reports about itself (<c>GET /version</c>).</summary>
internal sealed record DockerVersion(
    string Version,
    string ApiVersion,
    string MinimumApiVersion,
    string OperatingSystem,
    string Architecture,
    string KernelVersion);
