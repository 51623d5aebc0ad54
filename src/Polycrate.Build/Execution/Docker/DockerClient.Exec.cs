namespace Polycrate.Build.Execution.Docker;

internal sealed partial class DockerClient
{
    private long _execs;

    /// <summary>Execs this client created so far (diagnostics and tests: a step in a shared container costs one).</summary>
    internal long ExecCount => Interlocked.Read(ref _execs);

    /// <summary>Creates an exec (not started) in running container <paramref name="containerId"/>; returns the exec's id.</summary>
    public async Task<string> CreateExecAsync(string containerId, ExecSpec spec, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        Interlocked.Increment(ref _execs);
        var body = new ExecCreateBody
        {
            Cmd = spec.Command.ToList(),
            Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            WorkingDir = spec.WorkingDirectory,
            User = spec.User,
        };
        using var content = DockerTransport.JsonBody(body, DockerExecJsonContext.Default.ExecCreateBody);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Post, $"{api}/containers/{Escape(containerId)}/exec", content, DockerExecJsonContext.Default.ExecCreateResponse, cancellationToken);
        return answer.Id ?? throw new ContainerException(
            ContainerErrorCodes.UnexpectedResponse, $"The Docker engine at {Endpoint} created an exec in container {containerId} but returned no id.");
    }

    /// <summary>
    /// Starts an exec attached to its stdout and stderr (the engine hijacks the connection) and returns once it runs;
    /// the returned task copies the output line by line (an unterminated last line included) and completes when the
    /// engine closes the stream: after the process and everything that inherited its output ended.
    /// </summary>
    public async Task<Task> StartExecAsync(string execId, ContainerOutput output, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var content = DockerTransport.JsonBody(new ExecStartBody(), DockerExecJsonContext.Default.ExecStartBody);
        var response = await _transport.SendAsync(HttpMethod.Post, $"{api}/exec/{Escape(execId)}/start", content, stream: true, cancellationToken);
        return CopyOutputAsync(response, output, cancellationToken);
    }

    /// <summary>Whether the exec's process still runs, and its exit code once it ended.</summary>
    public async Task<ExecState> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Get, $"{api}/exec/{Escape(execId)}/json", content: null, DockerExecJsonContext.Default.ExecInspectResponse, cancellationToken);
        return new ExecState(answer.Running, answer.ExitCode);
    }

    /// <summary>What the container wrote to stdout and stderr so far (not following), line by line.</summary>
    public async Task ReadLogsAsync(string containerId, ContainerOutput output, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var response = await _transport.SendAsync(
            HttpMethod.Get, $"{api}/containers/{Escape(containerId)}/logs?stdout=1&stderr=1", content: null, stream: true, cancellationToken);
        await CopyOutputAsync(response, output, cancellationToken);
    }
}
