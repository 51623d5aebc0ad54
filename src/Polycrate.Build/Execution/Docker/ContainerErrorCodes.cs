namespace Polycrate.Build.Execution.Docker;

/// <summary>Diagnostic codes of <see cref="ContainerException"/> (range PCB3000-3099).</summary>
public static class ContainerErrorCodes
{
    /// <summary>No container engine answers at the configured endpoint.</summary>
    public const string EngineUnavailable = "PCB3001";

    /// <summary>The engine answered a request with an error status.</summary>
    public const string EngineError = "PCB3002";

    /// <summary>A pull or build progress stream reported an error.</summary>
    public const string StreamError = "PCB3003";

    /// <summary>The engine speaks an API version older than the oldest this client supports.</summary>
    public const string ApiVersionTooOld = "PCB3004";

    /// <summary>DOCKER_HOST (or the configured endpoint) cannot be understood.</summary>
    public const string InvalidEndpoint = "PCB3005";

    /// <summary>An image is missing and the pull policy forbids pulling it.</summary>
    public const string ImageMissing = "PCB3006";

    /// <summary>An image reference or pull policy value cannot be understood.</summary>
    public const string InvalidImageReference = "PCB3007";

    /// <summary>The build context or Dockerfile of an image build is invalid.</summary>
    public const string InvalidBuildContext = "PCB3010";

    /// <summary>The engine's answer could not be read (unexpected JSON or a truncated stream).</summary>
    public const string UnexpectedResponse = "PCB3011";

    /// <summary>The engine accepted the connection but did not answer in time, or a stream stalled.</summary>
    public const string EngineTimeout = "PCB3012";

    /// <summary>The active docker context (DOCKER_CONTEXT or config.json currentContext) cannot be used.</summary>
    public const string InvalidContext = "PCB3013";
}
