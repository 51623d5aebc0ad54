using System.Text;

namespace Polycrate.Build.Secrets.Age;

/// <summary>The ASCII armor of age files: strict PEM (RFC 7468) with label "AGE ENCRYPTED FILE".</summary>
internal static class AgeArmor
{
    public const string BeginLine = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string EndLine = "-----END AGE ENCRYPTED FILE-----";
    public const int ColumnsPerLine = 64;
    public const int BytesPerLine = ColumnsPerLine / 4 * 3;

    /// <summary>Whitespace allowed before and after the PEM block.</summary>
    public static bool IsOuterWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>True when the input, after leading whitespace, starts with the BEGIN line's dashes.</summary>
    public static async Task<bool> IsArmoredAsync(AgeInputReader reader, CancellationToken ct)
    {
        const int lookahead = 1024;
        var peeked = await reader.PeekAsync(lookahead, ct);
        var span = peeked.Span;
        var i = 0;
        while (i < span.Length && IsOuterWhitespace(span[i]))
        {
            i++;
        }

        var rest = span[i..];
        var prefix = Encoding.ASCII.GetBytes("-----BEGIN");
        return rest.Length >= prefix.Length && rest[..prefix.Length].SequenceEqual(prefix);
    }
}
