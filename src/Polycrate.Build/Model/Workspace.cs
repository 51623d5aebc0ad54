using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>A loaded and resolved workspace: its settings, blocks (inheritance resolved) and workflows.</summary>
public sealed record Workspace
{
    /// <summary>Polycrate's default registry (<c>registry.url</c> in its global configuration), host without scheme.</summary>
    public const string PolycrateRegistry = "cargo.ayedo.cloud";

    /// <summary><c>name:</c> (Polycrate reference §3); also names the workspace's own image.</summary>
    public required string Name { get; init; }

    /// <summary><c>organization:</c>; null when not set.</summary>
    public string? Organization { get; init; }

    /// <summary><c>description:</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>labels:</c> (key → value), informational.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Absolute host path of the workspace root.</summary>
    public required string RootPath { get; init; }

    /// <summary><c>config:</c> and the other settings sections (directories, image, events, git).</summary>
    public required WorkspaceSettings Settings { get; init; }

    /// <summary>Resolved blocks; setting them (also through <c>with</c>) rebuilds the name index FindBlock uses.</summary>
    public IReadOnlyList<Block> Blocks
    {
        get => _blocks;
        init
        {
            _blocks = value;
            _blockIndex = value.DistinctBy(b => b.Name, StringComparer.Ordinal).ToDictionary(b => b.Name, StringComparer.Ordinal);
        }
    }

    private readonly IReadOnlyList<Block> _blocks = [];
    private readonly Dictionary<string, Block> _blockIndex = new(StringComparer.Ordinal);

    /// <summary><c>workflows:</c>, in file order.</summary>
    public IReadOnlyList<Workflow> Workflows { get; init; } = [];

    /// <summary><c>extraenv</c> entries (<c>KEY=value</c>, the value may contain '=').</summary>
    public IReadOnlyList<EnvironmentEntry> ExtraEnv { get; init; } = [];

    /// <summary><c>extramounts</c> entries (<c>/host:/container[:ro]</c>).</summary>
    public IReadOnlyList<MountEntry> ExtraMounts { get; init; } = [];

    /// <summary><c>config.globals</c>: free-form data that only the snapshot shows.</summary>
    public ConfigMap Globals { get; init; } = ConfigMap.Empty;

    /// <summary><c>from:</c> references no installed block satisfies (only kept when loading allows it).</summary>
    public IReadOnlyList<MissingBlock> MissingBlocks { get; init; } = [];

    /// <summary>Blocks that wait for a missing registry block in their <c>from:</c> chain: block name → reference to install.</summary>
    public IReadOnlyDictionary<string, string> BlockedBy { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Registry (<c>host[:port][/prefix]</c>) that block references without a host name: <c>POLYCRATE_REGISTRY_URL</c>, else
    /// <see cref="WorkspaceSettings.Registry"/>, else Polycrate's <c>cargo.ayedo.cloud</c>.
    /// </summary>
    public string DefaultRegistry { get; init; } = PolycrateRegistry;

    /// <summary><c>dependencies:</c> of workspace.poly (host-qualified), which <c>workspace update</c> and auto-pull install.</summary>
    public IReadOnlyList<BlockDependency> Dependencies { get; init; } = [];

    /// <summary>Where the workspace is defined: its workspace.poly.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The block named <paramref name="name"/> (case-sensitive); null when there is none.</summary>
    public Block? FindBlock(string name) => _blockIndex.GetValueOrDefault(name);

    /// <summary>The workflow named <paramref name="name"/> (case-sensitive); null when there is none.</summary>
    public Workflow? FindWorkflow(string name) =>
        Workflows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
}

/// <summary>An environment variable from <c>extraenv</c> or <c>config.container.env</c>.</summary>
public sealed record EnvironmentEntry(string Name, string Value);

/// <summary>A bind mount <c>/host:/container[:ro]</c>.</summary>
public sealed record MountEntry(string HostPath, string ContainerPath, bool ReadOnly);

/// <summary>An entry of <c>dependencies:</c>: <see cref="Reference"/> is host-qualified; <see cref="Installed"/> when a block on disk satisfies it.</summary>
public sealed record BlockDependency(string Reference, bool Installed, SourceLocation Location);

/// <summary>A block some instance inherits from that is not installed; <see cref="Reference"/> is the <c>from:</c> value.</summary>
public sealed record MissingBlock(string Reference, string RequiredBy, SourceLocation Location);
