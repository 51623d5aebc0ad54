using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Execution;

/// <summary>
/// Finds a block's inventory and kubeconfig at the moment an action starts (an earlier action may have
/// produced them), in the order of polycrate.md §6.6: <c>from:</c> another block, the block's artifacts
/// directory, the workspace file. The workspace kubeconfig is <c>kubeconfig.filename</c>, else
/// <c>artifacts/secrets/kubeconfig.yml</c> (newer format), else <c>artifacts/blocks/k8s/kubeconfig.yml</c> (2025).
/// There is no fallback to ~/.kube/config: a host path the container cannot see would only mislead.
/// </summary>
public sealed class ArtifactLocator
{
    private readonly Workspace _workspace;
    private readonly PathMapper _paths;
    private readonly IReadOnlyDictionary<string, string> _secretFiles;

    /// <summary><paramref name="secretFiles"/>: decrypted secrets of the run (ActionContext.SecretFiles), present at their workspace path.</summary>
    public ArtifactLocator(Workspace workspace, PathMapper paths, IReadOnlyDictionary<string, string>? secretFiles = null)
    {
        _workspace = workspace;
        _paths = paths;
        _secretFiles = secretFiles ?? new Dictionary<string, string>();
    }

    /// <summary>Host path of the inventory the block's actions use, or null (Ansible's empty default).</summary>
    public string? Inventory(Block block) => Find(block, b => b.Inventory, "inventory.yml", WorkspaceInventory, []);

    /// <summary>Host path of the kubeconfig the block's actions use, or null.</summary>
    public string? Kubeconfig(Block block) => Find(block, b => b.Kubeconfig, "kubeconfig.yml", WorkspaceKubeconfig, []);

    public string? WorkspaceInventory()
    {
        var path = Path.Combine(_workspace.RootPath, _workspace.Settings.InventoryFile);
        return Exists(path) ? path : null;
    }

    public string? WorkspaceKubeconfig()
    {
        var candidates = _workspace.Settings.KubeconfigFile is { } configured
            ? new[] { configured }
            : [Path.Combine(_workspace.Settings.ArtifactsRoot, "secrets", "kubeconfig.yml"), Path.Combine(_workspace.Settings.ArtifactsRoot, _workspace.Settings.BlocksRoot, "k8s", "kubeconfig.yml")];
        return candidates.Select(c => Path.Combine(_workspace.RootPath, c)).FirstOrDefault(Exists);
    }

    private string? Find(Block block, Func<Block, ArtifactLink?> link, string defaultName, Func<string?> workspaceFile, HashSet<string> visited)
    {
        if (!visited.Add(block.Name))
        {
            return null;
        }

        if (link(block)?.From is { } from && _workspace.FindBlock(from) is { } source)
        {
            return Find(source, link, defaultName, workspaceFile, visited);
        }

        var own = Path.Combine(_paths.ArtifactsDirectory(block.Name), link(block)?.Filename ?? defaultName);
        return Exists(own) ? own : workspaceFile();
    }

    private bool Exists(string path) => File.Exists(path) || _secretFiles.ContainsKey(path);
}
