namespace Polycrate.Build.Execution.Docker;

/// <summary>The engine answered a request with an error status; carries the request and the engine's message.</summary>
internal sealed class DockerApiException : ContainerException
{
    public DockerApiException(string method, string path, int statusCode, string engineMessage)
        : base(ContainerErrorCodes.EngineError,
            $"The Docker engine refused {method} {path} with status {statusCode}: {engineMessage}")
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        EngineMessage = engineMessage;
    }

    public string Method { get; }

    /// <summary>Request path without the query string (queries may carry image names, never secrets, but stay short).</summary>
    public string Path { get; }

    public int StatusCode { get; }

    /// <summary>The <c>message</c> field of the engine's error body, or the raw body when it had none.</summary>
    public string EngineMessage { get; }
}
