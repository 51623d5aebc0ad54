using System.Text;

namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge, e.g.
/// <c>Bearer realm="https://auth.example.com/token",service="registry",scope="repository:a/b:pull,push"</c>.
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a header value; returns null when it has no scheme. Quoted values may hold commas.</summary>
    public static AuthChallenge? Parse(string header)
    {
        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        if (scheme.Length == 0)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = space < 0 ? string.Empty : text[(space + 1)..];
        var i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && (rest[i] == ',' || char.IsWhiteSpace(rest[i])))
            {
                i++;
            }

            var equals = rest.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var key = rest[i..equals].Trim();
            i = equals + 1;
            var value = new StringBuilder();
            if (i < rest.Length && rest[i] == '"')
            {
                for (i++; i < rest.Length && rest[i] != '"'; i++)
                {
                    if (rest[i] == '\\' && i + 1 < rest.Length)
                    {
                        i++;
                    }

                    value.Append(rest[i]);
                }

                i++;
            }
            else
            {
                for (; i < rest.Length && rest[i] != ','; i++)
                {
                    value.Append(rest[i]);
                }
            }

            parameters[key] = value.ToString().Trim();
        }

        return new AuthChallenge(scheme, parameters);
    }
}
