using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polycrate.Build.Execution.Docker;

// JSON shapes of the Docker Engine API as this client sends and reads them. Only the fields the engine code uses;
// the public records (DockerVersion, ContainerSpec …) are what callers see.

internal sealed class VersionResponse
{
    public string? Version { get; init; }
    public string? ApiVersion { get; init; }
    public string? MinApiVersion { get; init; }
    public string? Os { get; init; }
    public string? Arch { get; init; }
    public string? KernelVersion { get; init; }
}

internal sealed class ErrorResponse
{
    public string? Message { get; init; }
}

/// <summary>One line of a pull or build progress stream.</summary>
internal sealed class JsonStreamMessage
{
    public string? Stream { get; init; }
    public string? Status { get; init; }
    public string? Id { get; init; }
    public string? Progress { get; init; }
    public string? Error { get; init; }
    public JsonStreamError? ErrorDetail { get; init; }
    public JsonElement? Aux { get; init; }
}

internal sealed class JsonStreamError
{
    public int? Code { get; init; }
    public string? Message { get; init; }
}

internal sealed class ImageInspectResponse
{
    public string? Id { get; init; }
    public List<string>? RepoTags { get; init; }
    public ImageConfigResponse? Config { get; init; }
}

internal sealed class ImageConfigResponse
{
    public Dictionary<string, string>? Labels { get; init; }
}

internal sealed class ContainerCreateBody
{
    public required string Image { get; init; }
    public List<string>? Cmd { get; init; }
    public List<string>? Entrypoint { get; init; }
    public List<string>? Env { get; init; }
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    public required HostConfigBody HostConfig { get; init; }
}

internal sealed class HostConfigBody
{
    public List<string>? Binds { get; init; }
    public string? NetworkMode { get; init; }
    public bool Privileged { get; init; }
    public List<string>? ExtraHosts { get; init; }
    public List<string>? CapAdd { get; init; }
    public bool Init { get; init; }
}

internal sealed class ContainerCreateResponse
{
    public string? Id { get; init; }
    public List<string>? Warnings { get; init; }
}

internal sealed class ContainerWaitResponse
{
    public long StatusCode { get; init; }
    public ErrorResponse? Error { get; init; }
}

internal sealed class ContainerSummaryResponse
{
    public string? Id { get; init; }
    public List<string>? Names { get; init; }
    public string? Image { get; init; }
    public string? ImageId { get; init; }
    public string? State { get; init; }
    public string? Status { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
}

internal sealed class ImageSummaryResponse
{
    public string? Id { get; init; }
    public List<string>? RepoTags { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
}

internal sealed class NetworkCreateBody
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "bridge";
    public bool CheckDuplicate { get; init; } = true;
    public Dictionary<string, string>? Labels { get; init; }
}

internal sealed class NetworkCreateResponse
{
    public string? Id { get; init; }
}

/// <summary>The X-Registry-Auth payload (the engine matches field names case-insensitively).</summary>
internal sealed class RegistryAuthBody
{
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? ServerAddress { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonStreamMessage))]
[JsonSerializable(typeof(ImageInspectResponse))]
[JsonSerializable(typeof(ContainerCreateBody))]
[JsonSerializable(typeof(ContainerCreateResponse))]
[JsonSerializable(typeof(ContainerWaitResponse))]
[JsonSerializable(typeof(List<ContainerSummaryResponse>))]
[JsonSerializable(typeof(List<ImageSummaryResponse>))]
[JsonSerializable(typeof(NetworkCreateBody))]
[JsonSerializable(typeof(NetworkCreateResponse))]
[JsonSerializable(typeof(RegistryAuthBody))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
