namespace Polycrate.Build.FileTrees;

/// <summary>The two glob flavours of the ignore files; they differ only in <c>**</c> inside a segment and in <c>[…]</c>.</summary>
internal enum GlobDialect
{
    /// <summary>
    /// .dockerignore (Go's filepath.Match plus <c>**</c>): <c>**</c> not at the end spans whole segments,
    /// <c>[…]</c> is passed to the regex as written.
    /// </summary>
    Docker,

    /// <summary>
    /// gitignore: <c>**</c> not followed by '/' matches anything, <c>[…]</c> is a literal set, <c>[!…]</c>
    /// its complement, an unclosed <c>[</c> is a plain character.
    /// </summary>
    Gitignore,
}
