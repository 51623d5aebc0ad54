namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// The rules of a <c>.dockerignore</c> file. The last rule that matches a path decides: an exception rule
/// (<c>!pattern</c>) re-includes what an earlier rule excluded.
/// </summary>
public sealed class DockerIgnore
{
    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns)
    {
        Patterns = patterns;
        HasExceptions = patterns.Any(p => p.IsException);
    }

    public static DockerIgnore Empty { get; } = new([]);

    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>
    /// True when some rule re-includes paths; then an excluded directory must still be walked, because a file
    /// below it may be re-included.
    /// </summary>
    public bool HasExceptions { get; }

    public static DockerIgnore Parse(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var patterns = text
            .Split('\n')
            .Select(line => DockerIgnorePattern.Parse(line.TrimEnd('\r')))
            .OfType<DockerIgnorePattern>()
            .ToList();
        return new DockerIgnore(patterns);
    }

    /// <summary>Is the slash-separated path (relative to the context root) left out of the context?</summary>
    public bool IsExcluded(string path)
    {
        var excluded = false;
        foreach (var pattern in Patterns)
        {
            // Only a rule that could flip the current answer needs evaluating.
            if (pattern.IsException == excluded && pattern.Matches(path))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }
}
