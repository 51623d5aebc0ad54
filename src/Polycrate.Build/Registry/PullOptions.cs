namespace Polycrate.Build.Registry;

/// <summary>What to pull and where to install it.</summary>
internal sealed record PullOptions(ImageReference Reference, string TargetDirectory)
{
    /// <summary>
    /// Called with the fully extracted staging directory before it replaces <see cref="TargetDirectory"/>;
    /// throw to reject (e.g. wrong block name or version in block.poly). Null only checks that a
    /// <c>block.poly</c> exists at the root.
    /// </summary>
    public Action<string>? ValidateStagedBlock { get; init; }
}
