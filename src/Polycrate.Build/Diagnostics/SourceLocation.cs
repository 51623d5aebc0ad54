namespace Polycrate.Build.Diagnostics;

/// <summary>A position in a user file; line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:col</c>, or only the file when <see cref="Line"/> is 0 (the position is unknown).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
