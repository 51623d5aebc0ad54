using Polycrate.Build.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Path settings of workspace.poly (<c>config.blocksroot</c>, <c>logsroot</c>, <c>artifactsroot</c>,
/// <c>sshprivatekey</c>, <c>kubeconfig.filename</c> …) stay inside the workspace: an absolute path, a <c>..</c> that
/// climbs out, or a symlink whose target lies outside is an error at the setting (PCB1044). Otherwise a workspace from
/// a git repository could make a run read <c>/etc/shadow</c> as its SSH key or write logs anywhere.
/// <c>extramounts</c> remain the explicit way to give an action host paths.
/// </summary>
internal static class WorkspacePathCheck
{
    /// <summary>Symlinks followed while resolving one path before it counts as a loop (as the kernel's ELOOP).</summary>
    private const int MaxLinkHops = 40;

    /// <summary>Checks the value of <paramref name="key"/> in <paramref name="reader"/> when it is set.</summary>
    public static void Check(string root, MappingReader? reader, string key, string label, DiagnosticBag diagnostics, bool fileNameOnly = false)
    {
        if (reader?.Node(key) is not YamlScalarNode { Value: { Length: > 0 } value } node)
        {
            return;
        }

        var problem = fileNameOnly ? FileNameProblem(value) : Problem(root, value);
        if (problem is not null)
        {
            diagnostics.Error(DiagnosticCodes.PathOutsideWorkspace, $"{label}: '{MessageText.Cut(value)}' {problem}", reader.File.LocationOf(node),
                fileNameOnly
                    ? "give a file name such as 'block.poly'"
                    : "use a path relative to the workspace that stays inside it; to give actions a host path, use extramounts (/host/path:/container/path[:ro])");
        }
    }

    /// <summary>
    /// A block's <c>inventory.filename</c> / <c>kubeconfig.filename</c> is relative to its artifacts directory, which may
    /// not exist yet: checked by its text only (absolute, or a <c>..</c> that climbs out).
    /// </summary>
    public static void CheckRelative(MappingReader reader, string key, string label, DiagnosticBag diagnostics)
    {
        if (reader.Node(key) is not YamlScalarNode { Value: { Length: > 0 } value } node)
        {
            return;
        }

        var problem = Path.IsPathRooted(value) || value.StartsWith('~') ? "is an absolute path; it must be relative to the block's artifacts"
            : Path.GetFullPath(Path.Combine("/artifacts", value)).StartsWith("/artifacts/", StringComparison.Ordinal) ? null
            : "leads outside the block's artifacts directory";
        if (problem is not null)
        {
            diagnostics.Error(DiagnosticCodes.PathOutsideWorkspace, $"{label}: '{MessageText.Cut(value)}' {problem}", reader.File.LocationOf(node),
                "name a file in the block's artifacts directory, or take it from another block with 'from:'");
        }
    }

    /// <summary>Why <paramref name="value"/> does not stay inside <paramref name="root"/>, or null when it does.</summary>
    public static string? Problem(string root, string value)
    {
        if (Path.IsPathRooted(value) || value.StartsWith('~'))
        {
            return "is an absolute path; it must be relative to the workspace";
        }

        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, value));
        if (!IsInside(fullRoot, full))
        {
            return "leads outside the workspace";
        }

        var realRoot = RealPath(fullRoot);
        var real = RealPath(full);
        if (realRoot is null || real is null)
        {
            return "passes through a symlink loop";
        }

        return IsInside(realRoot, real) ? null : $"leads outside the workspace through a symlink (to {MessageText.Cut(real)})";
    }

    private static string? FileNameProblem(string value) =>
        value is "." or ".." || value.IndexOfAny(['/', '\\']) >= 0 ? "must be a file name, not a path" : null;

    private static bool IsInside(string root, string path)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path == root || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The path with every symlink resolved (also in the middle, also not yet existing tails); null on a loop.</summary>
    private static string? RealPath(string fullPath)
    {
        var remaining = new Stack<string>(Split(fullPath).Reverse());
        var current = Path.GetPathRoot(fullPath) ?? "/";
        var hops = 0;
        while (remaining.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "/";
            }

            foreach (var linked in Split(target).Reverse())
            {
                remaining.Push(linked);
            }
        }

        return current;
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
