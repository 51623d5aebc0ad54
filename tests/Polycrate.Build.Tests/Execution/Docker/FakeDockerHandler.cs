using System.Net;
using System.Text;

namespace Polycrate.Build.Tests.Execution.Docker;

/// <summary>An in-memory engine: answers each request through a function and records what was sent.</summary>
internal sealed class FakeDockerHandler(Func<HttpRequestMessage, string, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(string Method, string PathAndQuery, string Body)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Answers /version with the given API version and everything else through <paramref name="then"/>.</summary>
    public static FakeDockerHandler WithApi(string apiVersion, Func<HttpRequestMessage, string, HttpResponseMessage> then) =>
        new((request, body) => request.RequestUri!.AbsolutePath == "/version"
            ? Json(HttpStatusCode.OK, $$"""{"Version":"99.0","ApiVersion":"{{apiVersion}}","MinAPIVersion":"1.12","Os":"linux","Arch":"amd64"}""")
            : then(request, body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, request.RequestUri!.PathAndQuery, body));
        return respond(request, body);
    }
}
