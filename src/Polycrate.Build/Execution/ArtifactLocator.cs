using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>
/// Finds a block's inventory and kubeconfig at the moment an action starts (an earlier action may have produced them),
/// in the order of polycrate.md §6.6: <c>path:</c>, <c>from:</c> another block (what that block uses), the block's
/// artifacts directory (<c>filename:</c> or the default name), the workspace file. <c>from:</c> naming the block itself
/// means its own artifacts. The workspace kubeconfig is <c>kubeconfig.filename</c>, else
/// <c>artifacts/secrets/kubeconfig.yml</c> (newer format), else <c>artifacts/blocks/k8s/kubeconfig.yml</c> (2025).
/// A configured link (<c>path</c>, <c>from</c> or <c>filename</c>) must end at an existing file: otherwise the action
/// would quietly run against another inventory or cluster, so it is an error (PCB1017) at the link. There is no
/// fallback to ~/.kube/config or /etc/ansible/hosts: a host path the container cannot see would only mislead.
/// </summary>
internal sealed class ArtifactLocator
{
    private readonly Workspace _workspace;
    private readonly PathMapper _paths;
    private readonly IReadOnlyDictionary<string, string> _secretFiles;

    /// <summary><paramref name="secretFiles"/>: decrypted secrets of the run (workspace path → decrypted file), present at their workspace path.</summary>
    public ArtifactLocator(Workspace workspace, PathMapper paths, IReadOnlyDictionary<string, string>? secretFiles = null)
    {
        _workspace = workspace;
        _paths = paths;
        _secretFiles = secretFiles ?? new Dictionary<string, string>();
    }

    /// <summary>Host path of the inventory the block's actions use, or null (none anywhere). Throws <see cref="WorkspaceException"/> for a configured one that is missing.</summary>
    public string? Inventory(Block block) => Find(block, b => b.Inventory, "inventory", "inventory.yml", WorkspaceInventory, []);

    /// <summary>Host path of the kubeconfig the block's actions use, or null. Throws <see cref="WorkspaceException"/> for a configured one that is missing.</summary>
    public string? Kubeconfig(Block block) => Find(block, b => b.Kubeconfig, "kubeconfig", "kubeconfig.yml", WorkspaceKubeconfig, []);

    /// <summary><c>inventory.path</c>/<c>filename</c> of workspace.poly (relative, container or host path), when it exists.</summary>
    public string? WorkspaceInventory()
    {
        var path = _paths.ToHost(_workspace.Settings.InventoryFile);
        return Exists(path) ? path : null;
    }

    /// <summary><c>kubeconfig.path</c>/<c>filename</c> of workspace.poly, else the newer and the 2025 default locations, when one exists.</summary>
    public string? WorkspaceKubeconfig()
    {
        var candidates = _workspace.Settings.KubeconfigFile is { } configured
            ? new[] { configured }
            : [Path.Combine(_workspace.Settings.ArtifactsRoot, "secrets", "kubeconfig.yml"), Path.Combine(_workspace.Settings.ArtifactsRoot, _workspace.Settings.BlocksRoot, "k8s", "kubeconfig.yml")];
        return candidates.Select(_paths.ToHost).FirstOrDefault(Exists);
    }

    private string? Find(Block block, Func<Block, ArtifactLink?> link, string kind, string defaultName, Func<string?> workspaceFile, HashSet<string> visited)
    {
        if (!visited.Add(block.Name))
        {
            return null;
        }

        var own = link(block);
        if (own?.Path is { } configuredPath)
        {
            var path = _paths.ToHost(configuredPath);
            return Exists(path) ? path : throw Missing(block, own, kind, $"{kind}.path '{configuredPath}'", path);
        }

        if (own?.From is { } from && !string.Equals(from, block.Name, StringComparison.Ordinal))
        {
            var source = _workspace.FindBlock(from)
                ?? throw Missing(block, own, kind, $"{kind}.from '{from}'", null);
            return Find(source, link, kind, defaultName, workspaceFile, visited)
                ?? throw Missing(block, own, kind, $"{kind}.from '{from}'", Path.Combine(_paths.ArtifactsDirectory(source.Name), link(source)?.Filename ?? defaultName));
        }

        var file = Path.Combine(_paths.ArtifactsDirectory(block.Name), own?.Filename ?? defaultName);
        if (Exists(file))
        {
            return file;
        }

        return own is { From: not null } or { Filename: not null }
            ? throw Missing(block, own, kind, own.Filename is { } name ? $"{kind}.filename '{name}'" : $"{kind}.from '{own.From}' (its own artifacts)", file)
            : workspaceFile();
    }

    private WorkspaceException Missing(Block block, ArtifactLink link, string kind, string what, string? path)
    {
        // A linked block that waits for its registry parent is named with that parent, so the fix is the same as for the block itself.
        var waiting = path is null && link.From is { } from && _workspace.BlockedBy.TryGetValue(from, out var parent) ? parent : null;
        var where = waiting is not null ? $"block '{link.From}' waits for its parent {waiting}, which is not installed"
            : path is null ? $"block '{link.From}' does not exist"
            : $"{Path.GetRelativePath(_workspace.RootPath, path)} does not exist";
        return new WorkspaceException(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ArtifactLinkMissing,
            $"block '{block.Name}' takes its {kind} from {what}, but {where}", link.Location ?? block.Location,
            waiting is not null
                ? "run 'polycrate-build workspace update' (or 'blocks pull') to install it"
                : $"run the action that creates it first, or remove '{kind}:' from the block so the workspace {kind} is used"));
    }

    private bool Exists(string path) => File.Exists(path) || _secretFiles.ContainsKey(path);
}
