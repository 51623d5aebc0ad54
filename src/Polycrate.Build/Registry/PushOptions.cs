namespace Polycrate.Build.Registry;

/// <summary>What to push where. <see cref="Reference"/> without a tag is tagged with <see cref="Version"/>.</summary>
internal sealed record PushOptions(ImageReference Reference, string BlockDirectory, string Version)
{
    /// <summary>Block labels, stored as image config labels (the 2025 tool reads them from there).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Overwrite a tag that already holds different content.</summary>
    public bool Force { get; init; }

    /// <summary>Also point <c>latest</c> at the pushed manifest.</summary>
    public bool TagLatest { get; init; }

    /// <summary>
    /// <c>org.opencontainers.image.created</c> and the config's <c>created</c>. Null means the Unix epoch, so the
    /// digest depends on content only (checkout times differ between clones); pass e.g. the commit time or
    /// SOURCE_DATE_EPOCH for a meaningful yet reproducible value.
    /// </summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary><c>org.opencontainers.image.source</c>, e.g. the repository URL; omitted when null.</summary>
    public string? Source { get; init; }

    /// <summary><c>org.opencontainers.image.title</c>; null means the block name (last repository component).</summary>
    public string? Title { get; init; }

    /// <summary>Repository of the same registry that may already hold the blobs (mounted instead of uploaded).</summary>
    public string? MountFrom { get; init; }

    /// <summary>Where the packed layer is staged; null means the system temp directory.</summary>
    public string? TempDirectory { get; init; }
}
