using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Execution.Docker;

internal sealed partial class DockerClient
{
    /// <summary>The local image, or null when the engine has no image by that reference.</summary>
    public async Task<ImageDetails?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        try
        {
            var answer = await _transport.SendJsonAsync(
                HttpMethod.Get, $"{api}/images/{CheckedReference(reference)}/json", content: null,
                DockerJsonContext.Default.ImageInspectResponse, cancellationToken);
            return new ImageDetails(
                answer.Id ?? "",
                answer.RepoTags ?? [],
                answer.Config?.Labels ?? new Dictionary<string, string>());
        }
        catch (DockerApiException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Pulls an image anonymously. Progress lines go to <paramref name="onProgress"/>; an error reported inside the
    /// progress stream fails the pull.
    /// </summary>
    public Task PullImageAsync(string reference, Action<string>? onProgress, CancellationToken cancellationToken) =>
        PullImageAsync(reference, credentials: null, onProgress, cancellationToken);

    /// <summary>
    /// Pulls an image, logging in to its registry with <paramref name="credentials"/> when given (sent to the engine
    /// in the <c>X-Registry-Auth</c> header, never in the URL or a log).
    /// </summary>
    public async Task PullImageAsync(string reference, RegistryCredentials? credentials, Action<string>? onProgress, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var (name, tag) = SplitReference(CheckedReference(reference));
        var headers = credentials is null ? null : new Dictionary<string, string> { ["X-Registry-Auth"] = RegistryAuthHeader(credentials, RegistryOf(name)) };
        using var response = await _transport.SendAsync(
            HttpMethod.Post,
            $"{api}/images/create?fromImage={Uri.EscapeDataString(name)}&tag={Uri.EscapeDataString(tag)}",
            content: null, stream: true, cancellationToken, headers: headers);
        await ReadJsonStreamAsync(response, $"Pulling image {reference} through {Endpoint}", message =>
        {
            var line = string.Join(' ', new[] { message.Id, message.Status, message.Progress }.Where(p => !string.IsNullOrEmpty(p)));
            if (line.Length > 0)
            {
                onProgress?.Invoke(line);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Builds an image from a tar context streamed into the request. Build output is passed line by line to
    /// <see cref="ImageBuildRequest.OnOutput"/>; an error in the output stream fails the build. Returns the image id
    /// when the engine reports it.
    /// </summary>
    public async Task<string?> BuildImageAsync(ImageBuildRequest request, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var query = new StringBuilder($"{api}/build?rm=1&forcerm=1&dockerfile={Uri.EscapeDataString(request.Dockerfile)}");
        foreach (var tag in request.Tags)
        {
            query.Append("&t=").Append(Uri.EscapeDataString(CheckedReference(tag)));
        }

        if (request.Labels.Count > 0)
        {
            query.Append("&labels=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(
                new Dictionary<string, string>(request.Labels), DockerJsonContext.Default.DictionaryStringString)));
        }

        if (request.BuildArgs.Count > 0)
        {
            query.Append("&buildargs=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(
                new Dictionary<string, string>(request.BuildArgs), DockerJsonContext.Default.DictionaryStringString)));
        }

        if (request.NoCache)
        {
            query.Append("&nocache=1");
        }

        using var content = new WriterContent(request.WriteContext);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await _transport.SendAsync(HttpMethod.Post, query.ToString(), content, stream: true, cancellationToken);
        string? imageId = null;
        var tags = request.Tags.Count > 0 ? string.Join(", ", request.Tags) : "(untagged)";
        await ReadJsonStreamAsync(response, $"Building image {tags} from {request.Dockerfile}", message =>
        {
            if (message.Aux is { ValueKind: JsonValueKind.Object } aux && aux.TryGetProperty("ID", out var id)
                && id.ValueKind == JsonValueKind.String)
            {
                imageId = id.GetString();
            }

            foreach (var line in (message.Stream ?? message.Status ?? "").Split('\n'))
            {
                var text = line.TrimEnd('\r');
                if (text.Length > 0)
                {
                    request.OnOutput?.Invoke(text);
                }
            }
        }, cancellationToken);
        _logger.LogDebug("Built image {Tags} ({Id})", tags, imageId);
        return imageId;
    }

    /// <summary>Gives image <paramref name="source"/> the additional name <paramref name="repository"/>:<paramref name="tag"/>.</summary>
    public async Task TagImageAsync(string source, string repository, string tag, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        await _transport.SendAsync(
            HttpMethod.Post,
            $"{api}/images/{CheckedReference(source)}/tag?repo={Uri.EscapeDataString(repository)}&tag={Uri.EscapeDataString(tag)}",
            content: null, cancellationToken);
    }

    /// <summary>Local images named <paramref name="repository"/> (any tag) that carry every label of <paramref name="labels"/>.</summary>
    public async Task<IReadOnlyList<ImageDetails>> ListImagesAsync(string repository, IReadOnlyDictionary<string, string> labels,
        CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        var filters = new Dictionary<string, List<string>>
        {
            ["reference"] = [repository],
            ["label"] = labels.Select(l => $"{l.Key}={l.Value}").ToList(),
        };
        var json = JsonSerializer.Serialize(filters, DockerJsonContext.Default.DictionaryStringListString);
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Get, $"{api}/images/json?filters={Uri.EscapeDataString(json)}", content: null,
            DockerJsonContext.Default.ListImageSummaryResponse, cancellationToken);
        return answer.Select(i => new ImageDetails(i.Id ?? "", i.RepoTags ?? [], i.Labels ?? new Dictionary<string, string>())).ToList();
    }

    /// <summary>Removes an image reference (and the image when it was its last name). Missing images are no error.</summary>
    public async Task RemoveImageAsync(string reference, bool force, CancellationToken cancellationToken)
    {
        var api = await ApiAsync(cancellationToken);
        try
        {
            await _transport.SendAsync(
                HttpMethod.Delete, $"{api}/images/{CheckedReference(reference)}?force={(force ? 1 : 0)}", content: null, cancellationToken);
        }
        catch (DockerApiException ex) when (ex.StatusCode == 404)
        {
            // Already gone: removal is idempotent.
        }
    }

    /// <summary>Splits a reference into the engine's fromImage and tag parameters (digests go in tag).</summary>
    internal static (string Name, string Tag) SplitReference(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return (reference[..at], reference[(at + 1)..]);
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }

    /// <summary>
    /// Image references go into URL paths unescaped (the engine routes on the slashes); reject anything outside
    /// the reference alphabet so no reference can change the request.
    /// </summary>
    internal static string CheckedReference(string reference)
    {
        if (reference.Length == 0
            || reference.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or ':' or '@'))
            || reference.Contains("..", StringComparison.Ordinal)
            || reference.Contains("//", StringComparison.Ordinal)
            || reference[0] == '/')
        {
            throw new ContainerException(
                ContainerErrorCodes.InvalidImageReference,
                $"'{reference}' is not a valid image reference (expected e.g. registry.example.com/team/image:1.2 or name@sha256:…).",
                exitCode: 2);
        }

        return reference;
    }

    /// <summary>Request content written by a delegate straight into the request stream (chunked).</summary>
    private sealed class WriterContent(Func<Stream, CancellationToken, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            write(stream, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            write(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The registry host of an image name as Docker reads it: the first component when it looks like a host, else Docker Hub.</summary>
    internal static string RegistryOf(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : name[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? first
            : "docker.io";
    }

    /// <summary>The engine's auth header: URL-safe base64 of <c>{"username","password","serveraddress"}</c>.</summary>
    private static string RegistryAuthHeader(RegistryCredentials credentials, string registry)
    {
        var json = JsonSerializer.Serialize(
            new RegistryAuthBody { Username = credentials.Username, Password = credentials.Password, ServerAddress = registry },
            DockerJsonContext.Default.RegistryAuthBody);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Replace('+', '-').Replace('/', '_');
    }
}
