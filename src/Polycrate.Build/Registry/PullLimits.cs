using Polycrate.Build.Limits;

namespace Polycrate.Build.Registry;

/// <summary>
/// What one pulled block may cost: decompressed bytes and tar entries over all its layers, the number of layers,
/// and the decompression ratio (a small gzip that inflates to gigabytes is a bomb). Defaults are far above real
/// blocks, including 2025-style images with base layers; change them with the <c>POLYCRATE_MAX_*</c> variables
/// (<see cref="FromVariables"/>, docs/limits.md).
/// </summary>
/// <param name="MaxBytes">Decompressed bytes of all layers together (tar headers included); default 4 GiB.</param>
/// <param name="MaxFiles">Tar entries of all layers together; default 200,000.</param>
/// <param name="MaxLayers">Layers in the manifest; default 128 (Docker's own overlay limit).</param>
/// <param name="MaxCompressionRatio">Decompressed bytes per compressed byte of a layer, checked once a layer has inflated past 64 MiB; default 200.</param>
internal sealed record PullLimits(long MaxBytes, long MaxFiles, int MaxLayers, long MaxCompressionRatio)
{
    /// <summary>A layer may inflate this far before the compression ratio is checked (small bombs are harmless).</summary>
    public const long RatioFloorBytes = 64L * 1024 * 1024;

    public static PullLimits Default { get; } = new(4L * 1024 * 1024 * 1024, 200_000, 128, 200);

    /// <summary>The defaults, overridden by <c>POLYCRATE_MAX_BLOCK_BYTES/_FILES/_LAYERS</c> and <c>POLYCRATE_MAX_COMPRESSION_RATIO</c>.</summary>
    /// <exception cref="InvalidLimitException">A variable is set to something that is not a positive whole number.</exception>
    public static PullLimits FromVariables(Func<string, string?> getVariable) => new(
        LimitVariables.Count(getVariable, LimitVariables.MaxBlockBytes, Default.MaxBytes),
        LimitVariables.Count(getVariable, LimitVariables.MaxBlockFiles, Default.MaxFiles),
        (int)Math.Min(int.MaxValue, LimitVariables.Count(getVariable, LimitVariables.MaxBlockLayers, Default.MaxLayers)),
        LimitVariables.Count(getVariable, LimitVariables.MaxCompressionRatio, Default.MaxCompressionRatio));
}
