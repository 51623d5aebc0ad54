using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>
/// The Docker token server the token-auth registry's realm points at, run in-process on 127.0.0.1: checks
/// Basic credentials and issues RS256 JWTs (x5c = the certificate in the registry's rootcertbundle) granting
/// the requested repository scopes.
/// </summary>
internal sealed class TokenServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly RSA _key;
    private readonly string _certificate;
    private readonly RegistryEnvironment _environment;
    private readonly CancellationTokenSource _stop = new();
    private int _tokensIssued;
    private int _refusals;

    public TokenServer(RegistryEnvironment environment)
    {
        _environment = environment;
        _key = RSA.Create();
        _key.ImportFromPem(File.ReadAllText(environment.TokenKeyFile));
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(environment.TokenCertificateFile));
        _certificate = Convert.ToBase64String(certificate.RawData);
        _listener.Prefixes.Add($"http://127.0.0.1:{environment.TokenServerPort}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public int Refusals => Volatile.Read(ref _refusals);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _key.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_environment.Username + ":" + _environment.Password));
        if (context.Request.Headers["Authorization"] != expected)
        {
            Interlocked.Increment(ref _refusals);
            context.Response.StatusCode = 401;
            Write(context, new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } });
            return;
        }

        var scopes = context.Request.QueryString.GetValues("scope") ?? [];
        var access = scopes
            .SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Split(':'))
            .Where(p => p.Length == 3)
            .Select(p => new { type = p[0], name = p[1], actions = p[2].Split(',') })
            .ToArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["x5c"] = new[] { _certificate } };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = _environment.TokenIssuer,
            ["sub"] = _environment.Username,
            ["aud"] = context.Request.QueryString["service"] ?? string.Empty,
            ["exp"] = now + 300,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var unsigned = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Interlocked.Increment(ref _tokensIssued);
        Write(context, new { token = unsigned + "." + Base64Url(signature), expires_in = 300 });
    }

    private static void Write(HttpListenerContext context, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(bytes);
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
