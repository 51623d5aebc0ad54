using System.Net;
using System.Security.Cryptography;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Tests.Registry;

public class ChunkedUploadTests
{
    [Fact]
    public async Task Falls_back_to_chunked_patch_uploads_when_the_registry_rejects_monolithic_puts()
    {
        var registry = new ChunkOnlyRegistry();
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Auth = RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), "/nonexistent"),
            HttpMessageHandler = registry,
            UploadChunkSize = 1000,
        });
        var content = RandomNumberGenerator.GetBytes(3500);
        var reference = ImageReference.Parse("registry.example.com/acme/block:1.0.0");

        var sent = await client.PushBlobAsync(reference, BlobContent.FromBytes(content), null, default);

        Assert.Equal(3500, sent);
        Assert.Equal(1, registry.RejectedMonolithic);
        Assert.Equal(["0-999", "1000-1999", "2000-2999", "3000-3499"], registry.Ranges);
        Assert.Equal(content, registry.Stored);
        Assert.All(registry.Uris, u => Assert.Equal("https", u.Scheme));
    }

    /// <summary>A fake registry that only accepts chunked uploads (some proxies and old registries behave so).</summary>
    private sealed class ChunkOnlyRegistry : HttpMessageHandler
    {
        private readonly MemoryStream _upload = new();

        public int RejectedMonolithic { get; private set; }

        public List<string> Ranges { get; } = [];

        public List<Uri> Uris { get; } = [];

        public byte[] Stored { get; private set; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            Uris.Add(uri);
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            if (request.Method == HttpMethod.Head)
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            if (request.Method == HttpMethod.Post)
            {
                _upload.SetLength(0);
                return Accepted("/v2/acme/block/blobs/uploads/session-1?_state=abc");
            }

            if (request.Method == HttpMethod.Patch)
            {
                Ranges.Add(request.Content!.Headers.GetValues("Content-Range").Single());
                _upload.Write(body);
                return Accepted($"/v2/acme/block/blobs/uploads/session-1?_state=after-{_upload.Length}");
            }

            if (request.Method == HttpMethod.Put && body.Length > 0)
            {
                RejectedMonolithic++;
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"monolithic uploads disabled"}]}"""),
                };
            }

            var digest = Uri.UnescapeDataString(uri.Query.Split("digest=")[1]);
            Stored = _upload.ToArray();
            return ContentDigest.Of(Stored) == digest && uri.Query.Contains("_state=after-3500", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.Created)
                : new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        private static HttpResponseMessage Accepted(string location)
        {
            var response = new HttpResponseMessage(HttpStatusCode.Accepted);
            response.Headers.Location = new Uri(location, UriKind.Relative);
            return response;
        }

        protected override void Dispose(bool disposing)
        {
            _upload.Dispose();
            base.Dispose(disposing);
        }
    }
}
