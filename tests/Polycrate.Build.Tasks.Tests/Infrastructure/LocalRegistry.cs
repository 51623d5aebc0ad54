using System.Text.Json;
using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// The anonymous local registry of eng/start-registry.sh (127.0.0.1, plain HTTP as for every loopback registry), and a
/// fresh repository prefix per test so runs never see each other's tags. Fails when the registry cannot be started.
/// </summary>
internal sealed partial class LocalRegistry
{
    private LocalRegistry(string host)
    {
        Host = host;
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host { get; }

    public static async Task<LocalRegistry> StartAsync()
    {
        var started = await DotnetCommand.RunScriptAsync("eng/start-registry.sh");
        Assert.True(started.ExitCode == 0, $"eng/start-registry.sh: {started}");
        var port = AnonPort().Match(started.Output);
        Assert.True(port.Success, $"eng/start-registry.sh printed no ANON_PORT: {started}");
        return new LocalRegistry($"127.0.0.1:{port.Groups["port"].Value}");
    }

    /// <summary>A registry prefix no other test uses: <c>127.0.0.1:PORT/fe-xxxxxxxx</c>.</summary>
    public string NewPrefix() => $"{Host}/fe-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The manifest digest skopeo reads for a transport reference (<c>docker://…</c> or <c>oci:DIR:TAG</c>).</summary>
    public static async Task<string> InspectDigestAsync(string reference)
    {
        var result = await DotnetCommand.RunToolAsync("skopeo", "inspect", "--raw", "--tls-verify=false", reference);
        Assert.True(result.ExitCode == 0, $"skopeo inspect {reference}: {result}");
        var inspected = await DotnetCommand.RunToolAsync("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}", reference);
        Assert.True(inspected.ExitCode == 0, $"skopeo inspect {reference}: {inspected}");
        var digest = inspected.Output.Trim();
        Assert.Matches(DigestPattern(), digest);
        using var manifest = JsonDocument.Parse(result.Output);
        Assert.Equal("application/vnd.polycrate.block.v1", manifest.RootElement.GetProperty("artifactType").GetString());
        return digest;
    }

    [GeneratedRegex(@"^ANON_PORT=(?<port>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AnonPort();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}
