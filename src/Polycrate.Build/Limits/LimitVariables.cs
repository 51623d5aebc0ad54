using System.Globalization;

namespace Polycrate.Build.Limits;

/// <summary>
/// The one way limits and timeouts are changed: environment variables <c>POLYCRATE_MAX_*</c> (sizes and counts)
/// and <c>POLYCRATE_*_TIMEOUT</c> (seconds), read through the caller's variable lookup so tests and embedders inject
/// their own. Every variable, its default and its meaning is listed in docs/limits.md.
/// </summary>
internal static class LimitVariables
{
    /// <summary>Decompressed bytes of one pulled block, all layers together.</summary>
    public const string MaxBlockBytes = "POLYCRATE_MAX_BLOCK_BYTES";

    /// <summary>Tar entries (files, directories, links) of one pulled block, all layers together.</summary>
    public const string MaxBlockFiles = "POLYCRATE_MAX_BLOCK_FILES";

    /// <summary>Layers of one pulled manifest.</summary>
    public const string MaxBlockLayers = "POLYCRATE_MAX_BLOCK_LAYERS";

    /// <summary>Decompressed bytes per compressed byte above which a layer counts as a compression bomb.</summary>
    public const string MaxCompressionRatio = "POLYCRATE_MAX_COMPRESSION_RATIO";

    /// <summary>Seconds a registry request may take until its answer starts, and a download may stay silent.</summary>
    public const string RegistryTimeout = "POLYCRATE_REGISTRY_TIMEOUT";

    /// <summary>Seconds an Engine API request may take (waiting for a container is not bounded); also the idle bound of pull streams.</summary>
    public const string DockerTimeout = "POLYCRATE_DOCKER_TIMEOUT";

    /// <summary>Largest run log read back (<c>logs list</c>, <c>logs inspect</c>), in bytes.</summary>
    public const string MaxLogFileBytes = "POLYCRATE_MAX_LOG_FILE_BYTES";

    /// <summary>Seconds to wait for another process's lock on a workspace's blocks.lock.</summary>
    public const string LockTimeout = "POLYCRATE_LOCK_TIMEOUT";

    /// <summary>A positive whole number from <paramref name="name"/>, or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InvalidLimitException">The value is not a positive whole number.</exception>
    public static long Count(Func<string, string?> getVariable, string name, long fallback)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidLimitException(name, text, "a positive whole number");
    }

    /// <summary>A duration given in (possibly fractional) seconds, or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="InvalidLimitException">The value is not a positive number of seconds.</exception>
    public static TimeSpan Seconds(Func<string, string?> getVariable, string name, TimeSpan fallback)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidLimitException(name, text, "a number of seconds between 0 and 86400, e.g. 30 or 2.5");
    }
}
