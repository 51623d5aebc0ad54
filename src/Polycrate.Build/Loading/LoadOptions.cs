namespace Polycrate.Build.Loading;

/// <summary>How strictly to load a workspace.</summary>
internal sealed record LoadOptions
{
    /// <summary>Treat warnings (unknown keys, unused sections) as errors.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Keep going when a <c>from:</c> registry block is not installed: the workspace lists it in
    /// <see cref="Model.Workspace.MissingBlocks"/> so a run can install it first (the block-install target).
    /// </summary>
    public bool AllowMissingBlocks { get; init; }

    /// <summary>Reads <c>POLYCRATE_REGISTRY_URL</c> (the default registry); null means this process's environment.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }

    /// <summary>Limits on the files read; null means the defaults with the environment's overrides (docs/limits.md).</summary>
    public InputLimits? Limits { get; init; }
}
