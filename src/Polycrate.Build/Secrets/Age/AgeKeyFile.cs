namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// Recipients files ("age1…" per line) and identities files ("AGE-SECRET-KEY-1…" per line, as written by
/// age-keygen): '#' starts a comment line, blank lines are ignored, surrounding whitespace is trimmed.
/// Error messages give the line number but never the line (it might be a misplaced secret key).
/// </summary>
internal static class AgeKeyFile
{
    public static IReadOnlyList<X25519Recipient> ParseRecipients(string text, string sourceName) =>
        Parse(text, sourceName, "an age recipient ('age1…')", s => X25519Recipient.TryParse(s, out var r) ? r : null);

    /// <summary>Parses identities; also accepts a single key such as the WORKSPACE_ENCRYPTION_KEY value.</summary>
    public static IReadOnlyList<X25519Identity> ParseIdentities(string text, string sourceName) =>
        Parse(text, sourceName, "an age identity ('AGE-SECRET-KEY-1…')", s => X25519Identity.TryParse(s, out var i) ? i : null);

    public static async Task<IReadOnlyList<X25519Recipient>> ReadRecipientsAsync(string path, CancellationToken ct) =>
        ParseRecipients(await File.ReadAllTextAsync(path, ct), path);

    public static async Task<IReadOnlyList<X25519Identity>> ReadIdentitiesAsync(string path, CancellationToken ct) =>
        ParseIdentities(await File.ReadAllTextAsync(path, ct), path);

    private static List<T> Parse<T>(string text, string sourceName, string expected, Func<string, T?> parse)
        where T : class
    {
        var result = new List<T>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            result.Add(parse(line) ?? throw new AgeException(
                AgeErrorKind.InvalidKey,
                $"{sourceName}:{i + 1}: the line is not {expected} or its checksum is wrong. Fix or remove the line."));
        }

        if (result.Count == 0)
        {
            throw new AgeException(AgeErrorKind.InvalidKey, $"{sourceName} contains no {expected}.");
        }

        return result;
    }
}
