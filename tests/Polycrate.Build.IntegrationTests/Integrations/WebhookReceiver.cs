using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>An HTTP receiver of the test's own on 127.0.0.1: records every request and answers with the queued status codes (then 200).</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly Task _loop;

    public WebhookReceiver(params int[] answers)
    {
        Port = FreePort();
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/hook";

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Requests answered 2xx, in order, parsed.</summary>
    public IReadOnlyList<ReceivedRequest> Delivered => Requests.Where(r => r.Status is >= 200 and < 300).ToList();

    /// <summary>A port nothing listens on (for "receiver down").</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = _answers.TryDequeue(out var answer) ? answer : 200;
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Event => Json.GetProperty("event").GetString()!;
}
