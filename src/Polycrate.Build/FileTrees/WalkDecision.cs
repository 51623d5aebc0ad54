namespace Polycrate.Build.FileTrees;

/// <summary>What <see cref="FileTreeWalker"/> does with one path.</summary>
internal enum WalkDecision
{
    /// <summary>The entry is part of the tree (a directory is walked).</summary>
    Include,

    /// <summary>Neither the entry nor anything below it is part of the tree.</summary>
    Exclude,

    /// <summary>
    /// The entry itself is left out, but a directory is still walked: a rule further down (a .dockerignore
    /// exception) may bring back something below it.
    /// </summary>
    ExcludeButLookInside,
}
