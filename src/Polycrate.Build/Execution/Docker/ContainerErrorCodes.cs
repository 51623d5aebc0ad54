using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Execution.Docker;

/// <summary>Diagnostic codes of <see cref="ContainerException"/>: names for the container range of <see cref="DiagnosticCodes"/>.</summary>
internal static class ContainerErrorCodes
{
    /// <summary>No container engine answers at the configured endpoint.</summary>
    public const string EngineUnavailable = DiagnosticCodes.EngineUnavailable;

    /// <summary>The engine answered a request with an error status.</summary>
    public const string EngineError = DiagnosticCodes.EngineError;

    /// <summary>A pull or build progress stream reported an error.</summary>
    public const string StreamError = DiagnosticCodes.StreamError;

    /// <summary>The engine speaks an API version older than the oldest this client supports.</summary>
    public const string ApiVersionTooOld = DiagnosticCodes.ApiVersionTooOld;

    /// <summary>DOCKER_HOST (or the configured endpoint) cannot be understood.</summary>
    public const string InvalidEndpoint = DiagnosticCodes.InvalidEndpoint;

    /// <summary>An image is missing and the pull policy forbids pulling it.</summary>
    public const string ImageMissing = DiagnosticCodes.ImageMissing;

    /// <summary>An image reference or pull policy value cannot be understood.</summary>
    public const string InvalidImageReference = DiagnosticCodes.InvalidImageReference;

    /// <summary>The build context or Dockerfile of an image build is invalid.</summary>
    public const string InvalidBuildContext = DiagnosticCodes.InvalidBuildContext;

    /// <summary>The engine's answer could not be read (unexpected JSON or a truncated stream).</summary>
    public const string UnexpectedResponse = DiagnosticCodes.UnexpectedResponse;

    /// <summary>The engine accepted the connection but did not answer in time, or a stream stalled.</summary>
    public const string EngineTimeout = DiagnosticCodes.EngineTimeout;

    /// <summary>The active docker context (DOCKER_CONTEXT or config.json currentContext) cannot be used.</summary>
    public const string InvalidContext = DiagnosticCodes.InvalidContext;
}
