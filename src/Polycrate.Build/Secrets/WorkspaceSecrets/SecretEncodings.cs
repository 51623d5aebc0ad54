using System.Globalization;
using System.Text;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// The forms in which a secret value shows up in tool output besides its plain text, for <see cref="SecretRedactor"/>:
/// JSON string escaping as Python's <c>json.dumps</c> writes it (Ansible's results; with and without <c>\uXXXX</c> for
/// non-ASCII), percent-encoding (RFC 3986 as <c>Uri.EscapeDataString</c>, Python's <c>quote</c> keeping <c>/</c>, form
/// encoding with <c>+</c>; upper- and lower-case hex) and base64 of the whole value (standard and URL-safe, without
/// padding so both padded and unpadded text match). Base64 of a value embedded in a longer text (<c>user:password</c> in
/// a Basic header) depends on its byte offset and is not covered (see docs/security.md).
/// </summary>
internal static class SecretEncodings
{
    /// <summary>Every distinct encoded form of <paramref name="value"/> other than the value itself.</summary>
    public static IEnumerable<string> Of(string value)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal)
        {
            JsonEscape(value, asciiOnly: false),
            JsonEscape(value, asciiOnly: true),
        };
        var percent = Uri.EscapeDataString(value);
        foreach (var form in new[] { percent, percent.Replace("%2F", "/", StringComparison.Ordinal), percent.Replace("%20", "+", StringComparison.Ordinal) })
        {
            forms.Add(form);
            forms.Add(LowerHex(form));
        }

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=');
        forms.Add(base64);
        forms.Add(base64.Replace('+', '-').Replace('/', '_'));
        forms.Remove(value);
        return forms;
    }

    /// <summary>The content of a JSON string literal for <paramref name="value"/>, escaping as Python's json module does.</summary>
    public static string JsonEscape(string value, bool asciiOnly)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || (asciiOnly && c > '~'))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary><paramref name="percentEncoded"/> with the hex digits of each escape in lower case.</summary>
    private static string LowerHex(string percentEncoded)
    {
        var chars = percentEncoded.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
                chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
            }
        }

        return new string(chars);
    }
}
