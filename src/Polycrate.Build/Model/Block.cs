using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>
/// A block: config defaults plus named actions, from a <c>block.poly</c> on disk, an entry of
/// <c>workspace.poly</c> <c>blocks:</c>, or both merged. Nullable members mean "not set here", which is what
/// lets an explicit override (even <c>false</c>, <c>0</c> or <c>""</c>) win over inherited values.
/// </summary>
public sealed record Block
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Kind { get; init; }

    public string? Type { get; init; }

    public string? Flavor { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public ConfigMap Config { get; init; } = ConfigMap.Empty;

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];

    /// <summary>Parent reference <c>name[:version]</c> (local block name or registry path).</summary>
    public string? From { get; init; }

    /// <summary>Position of the <c>from:</c> value, for errors about the reference.</summary>
    public SourceLocation? FromLocation { get; init; }

    public bool? Template { get; init; }

    public ArtifactLink? Inventory { get; init; }

    public ArtifactLink? Kubeconfig { get; init; }

    /// <summary>Host directory the actions run in; null for inline blocks defined only in workspace.poly.</summary>
    public string? Workdir { get; init; }

    /// <summary>Where the block was defined (the workspace.poly entry wins over block.poly).</summary>
    public required SourceLocation Location { get; init; }

    public bool IsTemplate => Template == true;

    public BlockAction? FindAction(string name) =>
        Actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// <c>inventory:</c> / <c>kubeconfig:</c> of a block: take another block's file (<c>from</c>), a custom file name in the
/// block's artifacts directory (<c>filename</c>), or an explicit file (<c>path</c>: relative to the workspace, or an
/// absolute container path under the container root, or an absolute host path).
/// </summary>
public sealed record ArtifactLink(string? From, string? Filename, SourceLocation? Location)
{
    /// <summary><c>path:</c> as written (Polycrate's own block files carry it); wins over <c>from</c> and <c>filename</c>.</summary>
    public string? Path { get; init; }
}
