using System.Net;
using System.Net.Http.Headers;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>Manifest and index upload, download (verified) and tag resolution.</summary>
internal sealed partial class RegistryClient
{
    private static readonly string[] ManifestAccept =
        [MediaTypes.OciManifest, MediaTypes.OciIndex, MediaTypes.DockerManifest, MediaTypes.DockerManifestList];

    /// <summary>Stores <paramref name="manifest"/> under <paramref name="tagOrDigest"/>; returns its digest.</summary>
    public async Task<string> PushManifestAsync(
        ImageReference repository, string tagOrDigest, string mediaType, byte[] manifest, CancellationToken cancellationToken)
    {
        var digest = ContentDigest.Of(manifest);
        var uri = RepositoryUri(repository, "manifests/" + tagOrDigest);
        using var response = await SendAsync(repository, PushScope(repository), HttpMethod.Put, uri, request =>
        {
            request.Content = new ByteArrayContent(manifest);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, repository, cancellationToken);
        }

        var stored = HeaderDigest(response);
        if (stored is not null && stored.StartsWith("sha256:", StringComparison.Ordinal) && stored != digest)
        {
            throw new DigestMismatchException("the pushed manifest", uri, digest, stored);
        }

        return digest;
    }

    /// <summary>Downloads the manifest or index <paramref name="reference"/> points at; null when it does not exist.</summary>
    public async Task<ManifestContent?> TryGetManifestAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var uri = RepositoryUri(reference, "manifests/" + reference.TagOrDigest);
        using var response = await SendAsync(reference, PullScope(reference), HttpMethod.Get, uri, AcceptManifests, cancellationToken);
        if (IsMissing(response))
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, reference, cancellationToken);
        }

        var bytes = await ReadLimitedAsync(response, MaxManifestBytes, cancellationToken);
        var actual = ContentDigest.Of(bytes);
        var expected = reference.Digest ?? HeaderDigest(response);
        if (expected is not null && expected.StartsWith("sha256:", StringComparison.Ordinal) && expected != actual)
        {
            throw new DigestMismatchException("manifest " + reference, uri, expected, actual);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.OciManifest;
        return new ManifestContent(mediaType, actual, bytes);
    }

    /// <summary>
    /// The manifest or index <paramref name="reference"/> points at. A version (tag, digest) or repository the registry
    /// does not have is invalid input — the workspace or the command line names it: exit code 2, with the tags there are.
    /// </summary>
    public async Task<ManifestContent> GetManifestAsync(ImageReference reference, CancellationToken cancellationToken) =>
        await TryGetManifestAsync(reference, cancellationToken)
            ?? throw new RegistryException("GET", RepositoryUri(reference, "manifests/" + reference.TagOrDigest), HttpStatusCode.NotFound,
                [new RegistryError("MANIFEST_UNKNOWN", "manifest unknown")],
                RegistryHints.For(HttpStatusCode.NotFound, [new RegistryError("MANIFEST_UNKNOWN", string.Empty)], reference, null)
                    + await ExistingTagsAsync(reference, cancellationToken), exitCode: 2);

    /// <summary>
    /// For a tag that is not there: the tags the repository has (a version typo is the usual cause), or that it has none.
    /// Best effort — a registry that refuses to list tags leaves the hint as it was.
    /// </summary>
    private async Task<string> ExistingTagsAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        if (reference.Digest is not null)
        {
            return string.Empty;
        }

        IReadOnlyList<string> tags;
        try
        {
            tags = await ListTagsAsync(reference, cancellationToken);
        }
        catch (RegistryException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return $" The repository {reference.RepositoryReference} does not exist there: check the path.";
        }
        catch (PolycrateException)
        {
            return string.Empty;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }

        const int Shown = 10;
        var sorted = tags.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0
            ? $" {reference.RepositoryReference} has no tags."
            : $" Tags of {reference.RepositoryReference}: {string.Join(", ", sorted.TakeLast(Shown))}{(sorted.Count > Shown ? $" (the last {Shown} of {sorted.Count})" : string.Empty)}.";
    }

    /// <summary>The digest a tag currently points at, or null when the tag (or repository) does not exist.</summary>
    public async Task<string?> TryResolveDigestAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var uri = RepositoryUri(reference, "manifests/" + reference.TagOrDigest);
        using (var response = await SendAsync(reference, PullScope(reference), HttpMethod.Head, uri, AcceptManifests, cancellationToken))
        {
            if (IsMissing(response))
            {
                return null;
            }

            var digest = HeaderDigest(response);
            if (response.IsSuccessStatusCode && digest is not null)
            {
                return digest;
            }
        }

        // HEAD gave no Docker-Content-Digest (allowed by the spec): fetch and hash the manifest instead.
        return (await TryGetManifestAsync(reference, cancellationToken))?.Digest;
    }

    private static void AcceptManifests(HttpRequestMessage request)
    {
        foreach (var mediaType in ManifestAccept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }
    }

    /// <summary>An absent tag and an absent repository both answer 404 (MANIFEST_UNKNOWN / NAME_UNKNOWN).</summary>
    private static bool IsMissing(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;

    private static string? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
}
