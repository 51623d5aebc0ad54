using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Finds the build context of a workspace image: every file under the root that <c>.dockerignore</c> does not
/// exclude, minus what must never reach an image (<see cref="AlwaysExcluded"/>), plus the Dockerfile and the ignore
/// file themselves (the Docker CLI always sends those). Hashes each file as it goes; nothing is cached.
/// </summary>
internal static class BuildContextScanner
{
    /// <summary>SHA-256 of no bytes.</summary>
    internal const string EmptyContentHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// Never sent, whatever <c>.dockerignore</c> says: the git directory, decrypted secrets, age-encrypted files
    /// and run logs (which may contain secret output).
    /// </summary>
    public static IReadOnlyList<string> AlwaysExcluded { get; } = ["**/.git", "**/artifacts/secrets", "**/*.age", ".logs"];

    /// <param name="root">Context root directory.</param>
    /// <param name="dockerfile">Dockerfile path relative to <paramref name="root"/>.</param>
    /// <param name="additionalExcludes">More .dockerignore-style rules that no exception can re-include, e.g. the workspace's SSH private key file.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static async Task<BuildContext> ScanAsync(
        string root, string dockerfile, IReadOnlyList<string> additionalExcludes, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw Invalid($"The build context directory {root} does not exist.");
        }

        var dockerfilePath = Path.GetFullPath(Path.Combine(root, dockerfile));
        var dockerfileRelative = Path.GetRelativePath(root, dockerfilePath).Replace('\\', '/');
        if (dockerfileRelative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(dockerfileRelative))
        {
            throw Invalid($"The Dockerfile {dockerfilePath} lies outside the build context {root}; move it into the workspace.");
        }

        if (!File.Exists(dockerfilePath))
        {
            throw Invalid($"The Dockerfile {dockerfilePath} does not exist; create it or point the workspace's dockerfile setting at an existing file.");
        }

        var ignoreFile = File.Exists(dockerfilePath + ".dockerignore") ? dockerfilePath + ".dockerignore" : Path.Combine(root, ".dockerignore");
        var ignore = File.Exists(ignoreFile) ? DockerIgnoreFile.Parse(await File.ReadAllTextAsync(ignoreFile, cancellationToken)) : IgnoreMatcher.Empty;
        var always = DockerIgnoreFile.Parse(string.Join('\n', AlwaysExcluded.Concat(additionalExcludes)));

        // An excluded directory is walked only when an exception rule might re-include something below it. A
        // directory that is empty only because its content is excluded (artifacts/ holding nothing but secrets) is
        // left out too, so writing secrets or logs never changes the context.
        var tree = FileTreeWalker.Walk(
            root,
            (path, _) => always.IsExcluded(path) ? WalkDecision.Exclude
                : !ignore.IsExcluded(path) ? WalkDecision.Include
                : ignore.HasExceptions ? WalkDecision.ExcludeButLookInside : WalkDecision.Exclude,
            dropEmptiedDirectories: true,
            cancellationToken);
        var entries = new List<BuildContextEntry>(tree.Count + 2);
        foreach (var entry in tree)
        {
            entries.Add(await HashAsync(entry, cancellationToken));
        }

        // The Docker CLI sends the Dockerfile and the ignore file even when the ignore file excludes them.
        foreach (var forced in new[] { dockerfilePath, ignoreFile })
        {
            var relative = Path.GetRelativePath(root, forced).Replace('\\', '/');
            if (File.Exists(forced) && !relative.StartsWith("../", StringComparison.Ordinal)
                && !always.IsExcluded(relative) && entries.All(e => e.Path != relative))
            {
                entries.Add(await HashAsync(FileTreeEntry.Of(new FileInfo(forced), relative), cancellationToken));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BuildContext(root, dockerfileRelative, entries, Hash(dockerfileRelative, entries));
    }

    private static async Task<BuildContextEntry> HashAsync(FileTreeEntry entry, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            entry = entry with { Mode = (UnixFileMode)0b110_100_100 };
        }

        // Zero-length files are never opened: .NET cannot tell a FIFO or socket from an empty file, and opening a
        // FIFO blocks. Such special files therefore travel as empty files.
        if (entry.Kind != FileTreeEntryKind.File || entry.Length == 0)
        {
            return new BuildContextEntry(entry, entry.Kind == FileTreeEntryKind.File ? EmptyContentHash : null);
        }

        await using var stream = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return new BuildContextEntry(entry, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)));
    }

    private static string Hash(string dockerfile, IReadOnlyList<BuildContextEntry> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
        Add($"polycrate-build-context-v1\0{dockerfile}\n");
        foreach (var entry in entries)
        {
            var mode = Convert.ToString((int)entry.Mode, 8).PadLeft(4, '0');
            var kind = entry.Kind switch
            {
                FileTreeEntryKind.File => "f",
                FileTreeEntryKind.Directory => "d",
                _ => "l",
            };
            Add(string.Create(CultureInfo.InvariantCulture, $"{kind}\0{entry.Path}\0{mode}\0{entry.ContentHash ?? entry.LinkTarget}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ContainerException Invalid(string message) =>
        new(ContainerErrorCodes.InvalidBuildContext, message, exitCode: 2);
}
