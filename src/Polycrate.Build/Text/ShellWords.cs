using System.Text;

namespace Polycrate.Build.Text;

/// <summary>Shell-like word splitting for option strings (extra vars, <c>ansible_ssh_common_args</c>); no expansion.</summary>
internal static class ShellWords
{
    /// <summary>Splits at whitespace outside single or double quotes and removes the quotes (<c>a='x y' b=2</c> → <c>a=x y</c>, <c>b=2</c>).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
