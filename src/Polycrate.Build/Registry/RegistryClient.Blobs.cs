using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Limits;

namespace Polycrate.Build.Registry;

/// <summary>Blob existence, upload (mount, monolithic, chunked fallback) and verified download.</summary>
internal sealed partial class RegistryClient
{
    /// <summary>Copy buffer for streamed uploads; the 4 KiB default costs a syscall per page.</summary>
    private const int UploadBufferSize = 1 << 18;

    public Task<bool> BlobExistsAsync(ImageReference repository, string digest, CancellationToken cancellationToken) =>
        BlobExistsAsync(repository, digest, PullScope(repository), cancellationToken);

    /// <summary>
    /// Makes sure the repository holds <paramref name="blob"/> and returns the bytes sent: 0 when it was already
    /// there or could be mounted from <paramref name="mountFrom"/> (or a repository of the same registry this
    /// client saw the blob in), else its size. Tries a monolithic upload first and falls back to chunks when
    /// the registry rejects it.
    /// </summary>
    public async Task<long> PushBlobAsync(
        ImageReference repository, BlobContent blob, string? mountFrom, CancellationToken cancellationToken)
    {
        var key = repository.Registry + " " + blob.Digest;
        mountFrom ??= _knownBlobLocations.GetValueOrDefault(key);
        if (mountFrom == repository.Repository)
        {
            mountFrom = null;
        }

        var scope = mountFrom is null ? PushScope(repository) : $"{PushScope(repository)} repository:{mountFrom}:pull";
        if (await BlobExistsAsync(repository, blob.Digest, scope, cancellationToken))
        {
            _logger.LogDebug("Blob {Digest} already in {Repository}", blob.Digest, repository.RepositoryReference);
            _knownBlobLocations[key] = repository.Repository;
            return 0;
        }

        var start = mountFrom is null
            ? "blobs/uploads/"
            : $"blobs/uploads/?mount={Uri.EscapeDataString(blob.Digest)}&from={Uri.EscapeDataString(mountFrom)}";
        var (mounted, location) = await StartUploadAsync(repository, scope, start, cancellationToken);
        if (mounted)
        {
            _logger.LogDebug("Mounted blob {Digest} from {From}", blob.Digest, mountFrom);
            _knownBlobLocations[key] = repository.Repository;
            return 0;
        }

        using (var response = await SendAsync(repository, scope, HttpMethod.Put, WithDigest(location, blob.Digest), request =>
        {
            request.Content = new StreamContent(blob.Open(), UploadBufferSize);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.ContentLength = blob.Size;
        }, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                _knownBlobLocations[key] = repository.Repository;
                return blob.Size;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or >= HttpStatusCode.InternalServerError)
            {
                throw await ErrorAsync(response, repository, cancellationToken);
            }

            _logger.LogDebug("Registry rejected a monolithic upload ({Status}); uploading {Digest} in chunks", response.StatusCode, blob.Digest);
        }

        await PushChunkedAsync(repository, scope, blob, cancellationToken);
        _knownBlobLocations[key] = repository.Repository;
        return blob.Size;
    }

    /// <summary>Streams a blob into <paramref name="destination"/>, verifying its size and digest as it goes.</summary>
    public async Task DownloadBlobAsync(
        ImageReference repository, Descriptor descriptor, Stream destination, CancellationToken cancellationToken)
    {
        var uri = RepositoryUri(repository, "blobs/" + descriptor.Digest);
        using var response = await SendAsync(repository, PullScope(repository), HttpMethod.Get, uri, null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, repository, cancellationToken);
        }

        var algorithm = descriptor.Digest.StartsWith("sha512:", StringComparison.Ordinal) ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        using var hash = IncrementalHash.CreateHash(algorithm);
        await using var source = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken), _options.IdleTimeout);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await ReadBodyAsync(source, buffer, uri, $"downloading blob {descriptor.Digest} ({total} of {descriptor.Size} bytes received)", cancellationToken)) > 0)
        {
            total += read;
            if (total > descriptor.Size)
            {
                throw new DigestMismatchException("blob " + descriptor.Digest, uri, $"{descriptor.Size} bytes", $"more than {descriptor.Size} bytes");
            }

            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        var actual = algorithm.Name!.ToLowerInvariant() + ":" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (total != descriptor.Size)
        {
            throw new DigestMismatchException("blob " + descriptor.Digest, uri, $"{descriptor.Size} bytes", $"{total} bytes");
        }

        if (actual != descriptor.Digest)
        {
            throw new DigestMismatchException("blob " + descriptor.Digest, uri, descriptor.Digest, actual);
        }

        _knownBlobLocations[repository.Registry + " " + descriptor.Digest] = repository.Repository;
    }

    /// <summary>Downloads a small blob (an image config) into memory, verified.</summary>
    public async Task<byte[]> GetBlobBytesAsync(ImageReference repository, Descriptor descriptor, CancellationToken cancellationToken)
    {
        if (descriptor.Size > MaxManifestBytes)
        {
            throw new UnsupportedImageException(repository, $"its config blob is {descriptor.Size} bytes, larger than {MaxManifestBytes}");
        }

        using var buffer = new MemoryStream();
        await DownloadBlobAsync(repository, descriptor, buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<bool> BlobExistsAsync(ImageReference repository, string digest, string scope, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, scope, HttpMethod.Head, RepositoryUri(repository, "blobs/" + digest), null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        return response.IsSuccessStatusCode ? true : throw await ErrorAsync(response, repository, cancellationToken);
    }

    /// <summary>POSTs an upload start; 201 means a requested mount succeeded, 202 gives the session URL.</summary>
    private async Task<(bool Mounted, Uri Location)> StartUploadAsync(
        ImageReference repository, string scope, string path, CancellationToken cancellationToken)
    {
        var uri = RepositoryUri(repository, path);
        using var response = await SendAsync(repository, scope, HttpMethod.Post, uri, request =>
        {
            request.Content = new ByteArrayContent([]);
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return (true, uri);
        }

        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await ErrorAsync(response, repository, cancellationToken);
        }

        return (false, Location(response, uri));
    }

    private async Task PushChunkedAsync(ImageReference repository, string scope, BlobContent blob, CancellationToken cancellationToken)
    {
        var (_, location) = await StartUploadAsync(repository, scope, "blobs/uploads/", cancellationToken);
        await using var source = blob.Open();
        var buffer = new byte[Math.Max(1, (int)Math.Min(_options.UploadChunkSize, Math.Max(blob.Size, 1)))];
        long offset = 0;
        while (offset < blob.Size)
        {
            var length = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
            {
                throw new InvalidOperationException($"Blob {blob.Digest} ended at {offset} of {blob.Size} bytes while uploading.");
            }

            var chunkStart = offset;
            using var response = await SendAsync(repository, scope, HttpMethod.Patch, location, request =>
            {
                request.Content = new ByteArrayContent(buffer, 0, length);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{chunkStart}-{chunkStart + length - 1}");
            }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw await ErrorAsync(response, repository, cancellationToken);
            }

            location = Location(response, location);
            offset += length;
        }

        using var done = await SendAsync(repository, scope, HttpMethod.Put, WithDigest(location, blob.Digest), request =>
        {
            request.Content = new ByteArrayContent([]);
        }, cancellationToken);
        if (!done.IsSuccessStatusCode)
        {
            throw await ErrorAsync(done, repository, cancellationToken);
        }
    }

    private static Uri Location(HttpResponseMessage response, Uri requestUri) =>
        response.Headers.Location is { } location ? new Uri(requestUri, location)
            : throw new RegistryException(response.RequestMessage?.Method.Method ?? "POST", requestUri, response.StatusCode, [],
                "The registry started an upload without a Location header; it does not follow the distribution spec.");

    private static Uri WithDigest(Uri location, string digest) =>
        new(location.AbsoluteUri + (string.IsNullOrEmpty(location.Query) ? "?" : "&") + "digest=" + Uri.EscapeDataString(digest));
}
