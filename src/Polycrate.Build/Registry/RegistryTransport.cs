using System.Net;

namespace Polycrate.Build.Registry;

/// <summary>
/// Which URL scheme a registry is spoken to with: HTTPS, except plain HTTP for loopback hosts
/// (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>) and hosts the user listed as insecure.
/// </summary>
internal sealed class RegistryTransport
{
    private readonly HashSet<string> _insecure;

    public RegistryTransport(IEnumerable<string> insecureRegistries)
    {
        _insecure = new HashSet<string>(insecureRegistries.Select(r => r.Trim().TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="authority">host or host:port.</param>
    public bool AllowsPlainHttp(string authority)
    {
        if (_insecure.Contains(authority))
        {
            return true;
        }

        var host = HostOf(authority);
        if (_insecure.Contains(host) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public string SchemeFor(string registry) => AllowsPlainHttp(registry) ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;

    /// <summary>API base URI; Docker Hub's API lives on a different host than its reference name.</summary>
    public Uri BaseUri(string registry) =>
        new($"{SchemeFor(registry)}://{(registry == ImageReference.DockerHub ? "registry-1.docker.io" : registry)}/");

    private static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            var end = authority.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? authority[..(end + 1)] : authority;
        }

        var colon = authority.LastIndexOf(':');
        return colon > 0 && authority.IndexOf(':', StringComparison.Ordinal) == colon ? authority[..colon] : authority;
    }
}
