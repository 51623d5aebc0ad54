using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Model;

namespace Polycrate.Build.Events;

/// <summary>
/// POSTs event bodies to the webhook endpoint: <c>Content-Type: application/json; charset=UTF-8</c>, the configured
/// headers (<c>${NAME}</c> expanded from the environment), <c>X-Polycrate-Event</c>, <c>X-Polycrate-Delivery</c> (the same
/// id on every attempt) and, when the secret variable is set, <c>X-Polycrate-Signature-256: sha256=&lt;hex HMAC-SHA256 of
/// the body&gt;</c>. Each attempt has the configured timeout; network errors, timeouts, 5xx and 429 are retried with
/// doubling back-off (0.5 s, 1 s, 2 s …); other answers are final. Never throws for delivery problems: it logs a
/// warning and returns false.
/// </summary>
internal sealed partial class WebhookSender : IDisposable
{
    public const string SignatureHeader = "X-Polycrate-Signature-256";
    public const string EventHeader = "X-Polycrate-Event";
    public const string DeliveryHeader = "X-Polycrate-Delivery";

    private readonly EventSettings _settings;
    private readonly Func<string, string?> _getVariable;
    private readonly ILogger _logger;
    private readonly HttpClient _client;
    private readonly TimeSpan _firstBackOff;

    /// <param name="settings">Endpoint, headers, timeout, retries.</param>
    /// <param name="getVariable">Environment lookup for the signing secret and <c>${NAME}</c> in headers.</param>
    /// <param name="logger">Receives one warning per undelivered event.</param>
    /// <param name="firstBackOff">Wait before the first retry (doubles each time); default 0.5 s.</param>
    public WebhookSender(EventSettings settings, Func<string, string?> getVariable, ILogger logger, TimeSpan? firstBackOff = null)
    {
        _settings = settings;
        _getVariable = getVariable;
        _logger = logger;
        _firstBackOff = firstBackOff ?? TimeSpan.FromMilliseconds(500);
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = settings.Timeout }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Delivers one event body; true when the endpoint answered 2xx.</summary>
    public async Task<bool> SendAsync(string eventType, byte[] body, CancellationToken cancellationToken)
    {
        var endpoint = _settings.Endpoint ?? throw new InvalidOperationException("no webhook endpoint");
        var shown = RunEventFactory.PublicEndpoint(endpoint);
        var delivery = Guid.NewGuid().ToString();
        var secret = _getVariable(_settings.SecretVariable);
        var signature = string.IsNullOrEmpty(secret) ? null : "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        string problem = "no attempt";
        for (var attempt = 0; attempt <= _settings.Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(_firstBackOff * Math.Pow(2, attempt - 1), cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_settings.Timeout);
            try
            {
                using var request = CreateRequest(endpoint, eventType, delivery, signature, body);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                problem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"no answer within {_settings.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex)
            {
                problem = ex.InnerException?.Message ?? ex.Message;
            }
        }

        _logger.LogWarning("events: could not deliver {Event} to {Endpoint}: {Problem}{Consequence}", eventType, shown, problem,
            _settings.Required ? string.Empty : "; the run goes on (events.required: true makes this an error)");
        return false;
    }

    private HttpRequestMessage CreateRequest(Uri endpoint, string eventType, string delivery, string? signature, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
        request.Headers.UserAgent.ParseAdd($"polycrate-build/{ProductInfo.Version}");
        foreach (var (name, value) in _settings.Headers)
        {
            var expanded = Expand(value);
            if (expanded is null)
            {
                _logger.LogWarning("events: header {Header} is not sent: it refers to an environment variable that is not set", name);
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, expanded))
            {
                request.Content.Headers.TryAddWithoutValidation(name, expanded);
            }
        }

        request.Headers.Add(EventHeader, eventType);
        request.Headers.Add(DeliveryHeader, delivery);
        if (signature is not null)
        {
            request.Headers.Add(SignatureHeader, signature);
        }

        return request;
    }

    /// <summary><c>${NAME}</c> → the variable's value; null when a variable is not set.</summary>
    private string? Expand(string value)
    {
        var missing = false;
        var result = Variable().Replace(value, match =>
        {
            var found = _getVariable(match.Groups[1].Value);
            missing |= found is null;
            return found ?? string.Empty;
        });
        return missing ? null : result;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    public void Dispose() => _client.Dispose();
}
