using System.Text.Json.Serialization;

namespace Polycrate.Build.Execution.Docker;

internal sealed class ExecCreateBody
{
    public List<string>? Cmd { get; init; }
    public List<string>? Env { get; init; }
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; } = true;
    public bool AttachStderr { get; init; } = true;
    public bool Tty { get; init; }
}

internal sealed class ExecCreateResponse
{
    public string? Id { get; init; }
}

internal sealed class ExecStartBody
{
    public bool Detach { get; init; }
    public bool Tty { get; init; }
}

internal sealed class ExecInspectResponse
{
    public bool Running { get; init; }
    public long? ExitCode { get; init; }
}

/// <summary>Source-generated JSON for the exec and filesystem-change endpoints (kept apart from <see cref="DockerJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecCreateBody))]
[JsonSerializable(typeof(ExecCreateResponse))]
[JsonSerializable(typeof(ExecStartBody))]
[JsonSerializable(typeof(ExecInspectResponse))]
internal sealed partial class DockerExecJsonContext : JsonSerializerContext;
