using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Polycrate.Build.IntegrationTests.Registry.Hostile;

/// <summary>One HTTP request as the hostile registry saw it.</summary>
internal sealed record HostileRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (TcpListener, one request per connection) whose every answer the test scripts:
/// it can serve a crafted artifact, cut a connection half way, stall, or never answer at all, which no real
/// registry does on purpose. Records every request so tests can count downloads.
/// </summary>
internal sealed class HostileRegistry : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HostileRequest, Stream, CancellationToken, Task> _handle;
    private readonly Task _accepting;

    public HostileRegistry(Func<HostileRequest, Stream, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Authority => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    public int Count(string method, string pathPart) => Requests.Count(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>Writes a complete response with a Content-Length (HEAD gets the headers only).</summary>
    public static async Task RespondAsync(Stream stream, HostileRequest request, int status, byte[] body, string contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        await stream.WriteAsync(Head(status, body.LongLength, contentType, headers));
        if (request.Method != "HEAD")
        {
            await stream.WriteAsync(body);
        }
    }

    /// <summary>The status line and headers announcing <paramref name="length"/> body bytes.</summary>
    public static byte[] Head(int status, long length, string contentType, params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await _handle(request, stream, _stop.Token);
                await stream.FlushAsync();
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client gave up (timeouts are what these tests provoke) or the server stops.
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 65536)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValue("Content-Length", out var length) && long.TryParse(length, out var bodyLength) && bodyLength > 0)
        {
            var body = new byte[bodyLength];
            await stream.ReadExactlyAsync(body);
        }

        return new HostileRequest(start[0], start[1], headers);
    }
}
