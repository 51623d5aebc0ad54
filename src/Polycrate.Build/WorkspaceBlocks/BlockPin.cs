using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Resolution;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>The state of one <c>from:</c> registry pin: installed version, pinned digest and whether they match.</summary>
/// <param name="From">The <c>from:</c> value.</param>
/// <param name="InstalledVersion">The <c>version</c> in the installed block.poly; null when not installed.</param>
/// <param name="Digest">The digest blocks.lock pins for the repository; null when not locked.</param>
/// <param name="Status">Whether installed block, lock and <c>from:</c> agree.</param>
internal sealed record BlockPin(string From, string? InstalledVersion, string? Digest, BlockPinStatus Status)
{
    /// <summary>The pin of <paramref name="from"/>, or null when it is not a registry reference (a local parent).</summary>
    public static BlockPin? Of(Model.Workspace workspace, BlockLockFile lockFile, string from)
    {
        var wanted = BlockReference.Parse(from).Qualify(workspace.DefaultRegistry);
        if (!wanted.IsRegistryReference)
        {
            return null;
        }

        ImageReference reference;
        try
        {
            reference = ImageReference.Parse(wanted.ToString());
        }
        catch (ImageReferenceException)
        {
            return new BlockPin(from, null, null, BlockPinStatus.NotInstalled);
        }

        var entry = lockFile.Find(reference.RepositoryReference);
        var directory = entry?.Path ?? string.Join('/', workspace.Settings.BlocksRoot.TrimEnd('/'), reference.Registry, reference.Repository);
        var file = Path.Combine(workspace.RootPath, directory, workspace.Settings.BlocksConfig);
        if (!File.Exists(file))
        {
            return new BlockPin(from, null, entry?.Digest, BlockPinStatus.NotInstalled);
        }

        var version = BlockFileReader.ReadAsync(file, new DiagnosticBag(), InputLimits.FromEnvironment(Environment.GetEnvironmentVariable), CancellationToken.None)
            .GetAwaiter().GetResult()?.Version;
        var status = entry is null ? BlockPinStatus.NotLocked
            : wanted.Version is not null && wanted.Version != "latest" && wanted.Version != version ? BlockPinStatus.VersionMismatch
            : BlockPinStatus.Matches;
        return new BlockPin(from, version, entry?.Digest, status);
    }

    /// <summary>One line for listings, e.g. <c>ok</c> or <c>mismatch: from: wants 1.1.0, 1.0.0 is installed</c>.</summary>
    public string Describe() => Status switch
    {
        BlockPinStatus.Matches => "ok",
        BlockPinStatus.VersionMismatch => $"mismatch: from: wants {BlockReference.Parse(From).Version}, {InstalledVersion ?? "a block without version"} is installed; run polycrate-build blocks pull {From}",
        BlockPinStatus.NotLocked => $"not locked: installed without blocks pull, no digest in {BlockLockFile.FileName}",
        _ => $"not installed: run polycrate-build blocks pull {From}, or use --blocks-auto-pull",
    };
}
