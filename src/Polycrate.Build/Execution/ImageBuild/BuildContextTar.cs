using System.Formats.Tar;
using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Writes a build context as a deterministic PAX tar stream (see <see cref="DeterministicTarWriter"/>) with one
/// fixed modification time, so equal contexts give equal tar entries (and equal layer digests for COPY).
/// </summary>
internal static class BuildContextTar
{
    /// <summary>
    /// 2000-01-01 rather than the Unix epoch: some tools reject files older than 1980 (zip-based Python wheels).
    /// </summary>
    public static DateTimeOffset FixedModificationTime { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes every entry of <paramref name="context"/> to <paramref name="destination"/> (left open).</summary>
    public static Task WriteAsync(BuildContext context, Stream destination, CancellationToken cancellationToken) =>
        DeterministicTarWriter.WriteAsync(context.Entries, destination, TarEntryFormat.Pax, FixedModificationTime, cancellationToken);
}
