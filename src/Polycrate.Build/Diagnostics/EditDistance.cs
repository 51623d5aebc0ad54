namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Edit distance (optimal string alignment: insert, delete, replace, and swapping two neighbours as one edit, so
/// <c>form</c> suggests <c>from</c>), for "did you mean" suggestions on unknown keys and names.
/// </summary>
public static class EditDistance
{
    /// <summary>
    /// The candidate closest to <paramref name="unknown"/>, if one is close enough: at most a third of its length
    /// away, and never less tolerant than <paramref name="minimumTolerance"/> edits.
    /// </summary>
    public static string? Closest(string unknown, IEnumerable<string> candidates, int minimumTolerance, bool ignoreCase)
    {
        string Normalize(string text) => ignoreCase ? text.ToLowerInvariant() : text;
        var target = Normalize(unknown);
        return candidates.Select(c => (Name: c, Distance: Compute(target, Normalize(c))))
            .Where(c => c.Distance <= Math.Max(minimumTolerance, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    public static int Compute(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
