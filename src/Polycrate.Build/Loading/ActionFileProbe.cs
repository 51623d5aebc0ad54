namespace Polycrate.Build.Loading;

/// <summary>
/// The file checks of <see cref="ActionFiles"/>, each made once: whether a file an action runs exists (and, when not,
/// a similar name in its folder), and a folder's listing for those suggestions. A 1,000-block workspace whose instances
/// inherit their actions checked every file twice and listed a folder per missing file (bench/ inspect). Not
/// thread-safe; one probe per check of a workspace, so files changed later are seen by the next check.
/// </summary>
internal sealed class ActionFileProbe
{
    /// <summary>Suggestions look at no more than this many files of a folder.</summary>
    private const int MaxListedFiles = 500;

    private readonly Dictionary<(string Directory, string Path), (bool Exists, string? Suggestion)> _checks = [];
    private readonly Dictionary<string, IReadOnlyList<string>?> _listings = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> (relative) exists in <paramref name="directory"/>; when not, a similar file name.</summary>
    public (bool Exists, string? Suggestion) Check(string directory, string path)
    {
        if (!_checks.TryGetValue((directory, path), out var result))
        {
            var exists = File.Exists(Path.Combine(directory, path));
            result = (exists, exists ? null : ActionFiles.Suggest(directory, path, Listing));
            _checks[(directory, path)] = result;
        }

        return result;
    }

    private IReadOnlyList<string>? Listing(string folder)
    {
        if (!_listings.TryGetValue(folder, out var files))
        {
            files = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Take(MaxListedFiles).ToList()
                : null;
            _listings[folder] = files;
        }

        return files;
    }
}
