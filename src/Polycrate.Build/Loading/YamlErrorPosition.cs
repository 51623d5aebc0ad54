using Polycrate.Build.Diagnostics;
using YamlDotNet.Core;

namespace Polycrate.Build.Loading;

/// <summary>
/// Where a YAML syntax error really is. YamlDotNet reports some scanner errors without a position (line 1, column 1:
/// "found invalid tab as indentation") or at the token before the problem; the tab is then searched in the text from
/// the last event the parser read, and other position-less errors are placed after that event.
/// </summary>
internal static class YamlErrorPosition
{
    public const string TabHint = "YAML does not allow tabs for indentation: indent with spaces (set your editor to insert spaces in .poly files)";

    /// <summary>The location, message and hint for <paramref name="ex"/>.</summary>
    /// <param name="path">The file, for the location.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="ex">YamlDotNet's error.</param>
    /// <param name="lastEvent">End of the last event the parser read before the error, if any.</param>
    /// <param name="message">The error text without YamlDotNet's position prefix.</param>
    public static (SourceLocation Location, string Message, string Hint) Locate(string path, string text, YamlException ex, Mark? lastEvent, string message)
    {
        var last = lastEvent ?? default;
        var lost = ex.Start.Line <= 1 && ex.Start.Column <= 1 && ex.End.Line <= 1 && lastEvent is not null && last.Line > 1;
        var searchFrom = (int)(lost ? last.Line : Math.Min(ex.Start.Line, ex.End.Line));
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentationTab(text, Math.Max(1, searchFrom)) is { } tab)
        {
            return (new SourceLocation(path, tab.Line, tab.Column), $"a tab is used for indentation ({message})", TabHint);
        }

        return lost
            ? (new SourceLocation(path, (int)last.Line, (int)last.Column), $"after this position: {message}", "check indentation and quoting after this position")
            : (new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column), message, "check indentation and quoting around this position");
    }

    /// <summary>The first tab in the leading whitespace of a line at or after <paramref name="fromLine"/> (1-based line and column).</summary>
    private static (int Line, int Column)? FindIndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = fromLine - 1; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t')
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }
}
