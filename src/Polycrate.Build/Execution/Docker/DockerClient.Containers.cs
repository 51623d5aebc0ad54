using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Execution.Docker;

internal sealed partial class DockerClient
{
    /// <summary>Creates a container (not started) and returns its id.</summary>
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var body = new ContainerCreateBody
        {
            Image = CheckedReference(spec.Image),
            Cmd = spec.Command?.ToList(),
            Entrypoint = spec.Entrypoint?.ToList(),
            Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            WorkingDir = spec.WorkingDirectory,
            User = spec.User,
            Labels = new Dictionary<string, string>(spec.Labels),
            Tty = false,
            AttachStdout = true,
            AttachStderr = true,
            HostConfig = new HostConfigBody
            {
                Binds = spec.Binds.Select(b => b.ToBindString()).ToList(),
                NetworkMode = spec.NetworkMode,
                Privileged = spec.Privileged,
                ExtraHosts = spec.ExtraHosts.ToList(),
                CapAdd = spec.CapAdd.ToList(),
                Init = spec.Init,
            },
        };
        var path = spec.Name is null ? $"{api}/containers/create" : $"{api}/containers/create?name={Uri.EscapeDataString(spec.Name)}";
        using var content = DockerTransport.JsonBody(body, DockerJsonContext.Default.ContainerCreateBody);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Post, path, content, DockerJsonContext.Default.ContainerCreateResponse, cancellationToken);
        foreach (var warning in answer.Warnings ?? [])
        {
            _logger.LogWarning("Docker engine: {Warning}", warning);
        }

        return answer.Id ?? throw new ContainerException(
            ContainerErrorCodes.UnexpectedResponse, $"The Docker engine at {Endpoint} created a container from {spec.Image} but returned no id.");
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await _transport.SendAsync(HttpMethod.Post, $"{api}/containers/{Escape(id)}/start", content: null, cancellationToken);
    }

    /// <summary>
    /// Attaches to a created, not yet started container's stdout and stderr (the engine hijacks the connection and
    /// streams until the container's output closes) and returns once attached; the returned task copies the output
    /// line by line and completes after the last byte, an unterminated last line included. Attaching before the
    /// start is what makes the output complete: <c>logs?follow=1</c> on Debian's docker.io (API 1.41) may end
    /// before the last line without a newline was delivered.
    /// </summary>
    public async Task<Task> AttachOutputAsync(string id, ContainerOutput output, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var response = await _transport.SendAsync(
            HttpMethod.Post, $"{api}/containers/{Escape(id)}/attach?stream=1&stdout=1&stderr=1", content: null, stream: true, cancellationToken);
        return CopyOutputAsync(response, output, cancellationToken);
    }

    private static async Task CopyOutputAsync(HttpResponseMessage response, ContainerOutput output, CancellationToken cancellationToken)
    {
        using (response)
        {
            var stdout = new OutputLineSplitter(output.OnStdoutLine);
            var stderr = new OutputLineSplitter(output.OnStderrLine);
            var demultiplexer = new StdCopyDemultiplexer((stream, payload) =>
                (stream == StdStream.Stdout ? stdout : stderr).Write(payload));
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                await demultiplexer.CopyFromAsync(body, cancellationToken);
            }

            stdout.Flush();
            stderr.Flush();
        }
    }

    /// <summary>Waits until the container stops and returns its exit code (not bounded by the request timeout).</summary>
    public async Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Post, $"{api}/containers/{Escape(id)}/wait", content: null,
            DockerJsonContext.Default.ContainerWaitResponse, cancellationToken, bounded: false);
        if (!string.IsNullOrWhiteSpace(answer.Error?.Message))
        {
            throw new ContainerException(
                ContainerErrorCodes.EngineError, $"Waiting for container {id} failed in the Docker engine: {answer.Error.Message}");
        }

        return answer.StatusCode;
    }

    /// <summary>Sends a signal (e.g. SIGTERM, SIGKILL) to the container's main process.</summary>
    public async Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await _transport.SendAsync(
            HttpMethod.Post, $"{api}/containers/{Escape(id)}/kill?signal={Uri.EscapeDataString(signal)}", content: null, cancellationToken);
    }

    /// <summary>Removes the container, killing it when it runs, with its anonymous volumes. Missing containers are no error.</summary>
    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        try
        {
            await _transport.SendAsync(HttpMethod.Delete, $"{api}/containers/{Escape(id)}?force=1&v=1", content: null, cancellationToken);
        }
        catch (DockerApiException ex) when (ex.StatusCode == 404)
        {
            // Already gone: removal is idempotent.
        }
    }

    /// <summary>All containers (running or not) carrying every given label (<c>key=value</c>).</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var filters = new Dictionary<string, List<string>> { ["label"] = labels.Select(l => $"{l.Key}={l.Value}").ToList() };
        var json = JsonSerializer.Serialize(filters, DockerJsonContext.Default.DictionaryStringListString);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Get, $"{api}/containers/json?all=1&filters={Uri.EscapeDataString(json)}", content: null,
            DockerJsonContext.Default.ListContainerSummaryResponse, cancellationToken);
        return answer
            .Select(c => new ContainerSummary(
                c.Id ?? "",
                c.Names ?? [],
                c.Image ?? "",
                c.State ?? "",
                c.Labels ?? new Dictionary<string, string>()))
            .ToList();
    }

    /// <summary>The image ids of every container, running or stopped (an image one of them uses must stay).</summary>
    public async Task<IReadOnlySet<string>> ListContainerImageIdsAsync(CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Get, $"{api}/containers/json?all=1", content: null, DockerJsonContext.Default.ListContainerSummaryResponse, cancellationToken);
        return answer.Select(c => c.ImageId).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Creates a user-defined bridge network (containers on it reach each other by name); returns its id.</summary>
    public async Task<string> CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        using var content = DockerTransport.JsonBody(
            new NetworkCreateBody { Name = name, Labels = new Dictionary<string, string>(labels) },
            DockerJsonContext.Default.NetworkCreateBody);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Post, $"{api}/networks/create", content, DockerJsonContext.Default.NetworkCreateResponse, cancellationToken);
        return answer.Id ?? name;
    }

    /// <summary>Removes a network by name or id. Missing networks are no error.</summary>
    public async Task RemoveNetworkAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        try
        {
            await _transport.SendAsync(HttpMethod.Delete, $"{api}/networks/{Escape(nameOrId)}", content: null, cancellationToken);
        }
        catch (DockerApiException ex) when (ex.StatusCode == 404)
        {
            // Already gone: removal is idempotent.
        }
    }

    private static string Escape(string idOrName) => Uri.EscapeDataString(idOrName);
}
