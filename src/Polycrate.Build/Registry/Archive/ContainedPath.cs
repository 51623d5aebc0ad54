namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Resolves a symlink target the way the kernel would, but confined to a root directory: each component is
/// looked up on disk and symlinks met on the way are followed (bounded), so a chain of individually harmless
/// links cannot climb out. Used when packing (links must stay inside the block) and extracting.
/// </summary>
internal static class ContainedPath
{
    private const int MaxLinkHops = 40;

    /// <summary>
    /// The root-relative path that <paramref name="target"/>, stored in the link at root-relative
    /// <paramref name="linkPath"/>, resolves to; null when it is absolute or leaves the root.
    /// </summary>
    public static string? ResolveLink(string root, string linkPath, string target)
    {
        var resolved = new List<string>(linkPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[..^1]);
        var pending = new Queue<string>();
        if (!Enqueue(pending, target))
        {
            return null;
        }

        var hops = 0;
        while (pending.TryDequeue(out var component))
        {
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (resolved.Count == 0)
                {
                    return null;
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            resolved.Add(component);
            var info = new FileInfo(Path.Combine(root, Path.Combine([.. resolved])));
            if (info.LinkTarget is not { } next)
            {
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            resolved.RemoveAt(resolved.Count - 1);
            var rest = pending.ToArray();
            pending.Clear();
            if (!Enqueue(pending, next))
            {
                return null;
            }

            foreach (var item in rest)
            {
                pending.Enqueue(item);
            }
        }

        return string.Join('/', resolved);
    }

    private static bool Enqueue(Queue<string> pending, string target)
    {
        if (target.StartsWith('/') || target.StartsWith('\\') || Path.IsPathRooted(target))
        {
            return false;
        }

        foreach (var part in target.Replace('\\', '/').Split('/'))
        {
            pending.Enqueue(part);
        }

        return true;
    }
}
