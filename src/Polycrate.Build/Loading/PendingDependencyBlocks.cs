using Polycrate.Build.Model;
using Polycrate.Build.Resolution;

namespace Polycrate.Build.Loading;

/// <summary>
/// Names under which a <c>dependencies:</c> block that is not installed yet will be known once it is: its full path, its
/// path without the registry host and its last path component (the names a pulled block may carry, see
/// PulledBlockValidator). A workflow step or a command naming such a block waits for its installation, as a
/// <c>from:</c> child waits for its parent, instead of failing to load — otherwise <c>workspace update</c>, the command
/// that installs it, could never run on a fresh checkout.
/// </summary>
internal static class PendingDependencyBlocks
{
    /// <summary>
    /// <paramref name="blockedBy"/> extended by name → dependency reference for every name of an uninstalled dependency
    /// that no block or entry answers to (<paramref name="declared"/>; a local block of that name wins); the first
    /// dependency listed wins a name two of them share.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Add(IReadOnlyDictionary<string, string> blockedBy, IReadOnlyList<BlockDependency> dependencies,
        IReadOnlySet<string> declared)
    {
        var pending = dependencies.Where(d => !d.Installed).ToList();
        if (pending.Count == 0)
        {
            return blockedBy;
        }

        var result = new Dictionary<string, string>(blockedBy, StringComparer.Ordinal);
        foreach (var dependency in pending)
        {
            foreach (var name in NamesOf(BlockReference.Parse(dependency.Reference).Name))
            {
                if (!declared.Contains(name))
                {
                    result.TryAdd(name, dependency.Reference);
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> NamesOf(string path)
    {
        yield return path;
        var firstSlash = path.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0)
        {
            yield return path[(firstSlash + 1)..];
            yield return path[(path.LastIndexOf('/') + 1)..];
        }
    }
}
