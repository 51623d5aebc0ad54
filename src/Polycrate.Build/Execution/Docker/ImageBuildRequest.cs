namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// An image build (<c>POST /build</c>). The context is a tar archive written by <see cref="WriteContext"/> straight
/// into the request body, so it is never held in memory; to send an existing tar stream use
/// <c>(body, ct) =&gt; stream.CopyToAsync(body, ct)</c>.
/// </summary>
internal sealed record ImageBuildRequest
{
    public required Func<Stream, CancellationToken, Task> WriteContext { get; init; }

    /// <summary>Path of the Dockerfile inside the context, with forward slashes.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Build arguments; do not pass secrets here, the engine stores them in the image history.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives the build output line by line (RUN output, step headers).</summary>
    public Action<string>? OnOutput { get; init; }

    public bool NoCache { get; init; }
}
