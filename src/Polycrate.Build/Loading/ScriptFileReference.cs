namespace Polycrate.Build.Loading;

/// <summary>
/// Finds the file a script line clearly runs from its block's directory: <c>./deploy.sh</c>, <c>bash scripts/x.sh</c>,
/// <c>python3 tool.py</c>, <c>ansible-playbook -i inv.yml site.yml</c>. Anything computed (variables, templates,
/// globs, quotes), absolute or outside the block is not "clearly a file in the block" and is left alone.
/// </summary>
internal static class ScriptFileReference
{
    private static readonly string[] Interpreters = ["bash", "sh", "python", "python3"];
    private static readonly string[] FileExtensions = [".sh", ".bash", ".py", ".yml", ".yaml"];

    // ansible-playbook options that take a value, so the value is not mistaken for the playbook.
    private static readonly string[] AnsibleOptionsWithValue =
    [
        "-i", "--inventory", "-e", "--extra-vars", "-l", "--limit", "-t", "--tags", "--skip-tags", "-u", "--user",
        "--vault-password-file", "--vault-id", "-f", "--forks", "-c", "--connection", "-M", "--module-path", "--private-key",
        "--key-file", "-T", "--timeout", "--become-user", "--become-method", "--start-at-task",
    ];

    /// <summary>The referenced relative path and its 0-based index in <paramref name="line"/>, or null.</summary>
    public static (string Path, int Index)? Find(string line)
    {
        var tokens = Tokens(line);
        if (tokens.Count == 0)
        {
            return null;
        }

        var (first, _) = tokens[0];
        (string Text, int Index)? candidate = first.StartsWith("./", StringComparison.Ordinal) ? tokens[0]
            : Interpreters.Contains(first, StringComparer.Ordinal) ? (tokens.Count > 1 && !tokens[1].Text.StartsWith('-') ? tokens[1] : null)
            : first == "ansible-playbook" ? FirstPositional(tokens)
            : null;
        if (candidate is not { } found || !IsPlainRelativeFile(found.Text))
        {
            return null;
        }

        var path = found.Text.StartsWith("./", StringComparison.Ordinal) ? found.Text[2..] : found.Text;
        var looksLikeFile = found.Text.StartsWith("./", StringComparison.Ordinal) || FileExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal));
        return looksLikeFile && path.Length > 0 ? (path, found.Index) : null;
    }

    /// <summary>True when an earlier line could change the directory or create the file, so a missing file is not certain.</summary>
    public static bool MayBePreparedBy(IEnumerable<string> earlierLines, string path) =>
        earlierLines.Any(l => l.Contains(path, StringComparison.Ordinal) || Tokens(l).Any(t => t.Text is "cd" or "pushd" or "git" or "curl" or "wget" or "tar" or "unzip"));

    /// <summary>A path written literally: relative, inside the block, no shell expansion or quoting.</summary>
    public static bool IsPlainRelativeFile(string path) =>
        path.Length > 0
        && !path.StartsWith('/')
        && path.IndexOfAny(['$', '{', '}', '*', '?', '[', '~', '`', '"', '\'', '\\', '<', '>', '|', ';', '&', '(', ')', '=']) < 0
        && !path.Split('/').Contains("..");

    private static (string Text, int Index)? FirstPositional(List<(string Text, int Index)> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            if (AnsibleOptionsWithValue.Contains(text, StringComparer.Ordinal))
            {
                i++;
            }
            else if (!text.StartsWith('-'))
            {
                return tokens[i];
            }
        }

        return null;
    }

    private static List<(string Text, int Index)> Tokens(string line)
    {
        var result = new List<(string, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                result.Add((line[start..i], start));
            }
        }

        return result;
    }
}
