using System.Globalization;

namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Keeps messages readable whatever the input: a value or a list taken from a user's file or command line is cut, so
/// a hostile or generated workspace (a 1 MB name, 100,000 blocks) cannot turn one error line into megabytes.
/// Limits: docs/limits.md, "Messages".
/// </summary>
public static class MessageText
{
    /// <summary>Characters of one value shown in a message.</summary>
    public const int MaxValueLength = 80;

    /// <summary>Items of a list shown in a message ("known blocks: …").</summary>
    public const int MaxListItems = 20;

    /// <summary><paramref name="value"/>, or its first <see cref="MaxValueLength"/> characters and how long it is.</summary>
    public static string Cut(string value, int maxLength = MaxValueLength) =>
        value.Length <= maxLength
            ? value
            : string.Create(CultureInfo.InvariantCulture, $"{value[..maxLength]}… ({value.Length:N0} characters)");

    /// <summary>The first <see cref="MaxListItems"/> items (each cut), then "and N more"; "(none)" for an empty list.</summary>
    public static string List(IEnumerable<string> items, string separator = ", ", int maxItems = MaxListItems)
    {
        var shown = new List<string>(maxItems);
        var total = 0;
        foreach (var item in items)
        {
            if (total++ < maxItems)
            {
                shown.Add(Cut(item));
            }
        }

        if (total == 0)
        {
            return "(none)";
        }

        var text = string.Join(separator, shown);
        return total > maxItems ? string.Create(CultureInfo.InvariantCulture, $"{text} and {total - maxItems:N0} more") : text;
    }
}
