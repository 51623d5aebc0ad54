using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>
/// A block: config defaults plus named actions, from a <c>block.poly</c> on disk, an entry of
/// <c>workspace.poly</c> <c>blocks:</c>, or both merged. Nullable members mean "not set here", which is what
/// lets an explicit override (even <c>false</c>, <c>0</c> or <c>""</c>) win over inherited values.
/// </summary>
public sealed record Block
{
    /// <summary><c>name:</c> (Polycrate reference §4); for registry blocks the registry path without tag.</summary>
    public required string Name { get; init; }

    /// <summary><c>version:</c>, compared literally with a <c>from:</c> tag; required to push.</summary>
    public string? Version { get; init; }

    /// <summary><c>kind:</c>, free text (<c>generic</c>, <c>k8sapp</c>, <c>k8sappinstance</c> …).</summary>
    public string? Kind { get; init; }

    /// <summary><c>type:</c>, informational (<c>db</c>, <c>kv</c> …).</summary>
    public string? Type { get; init; }

    /// <summary><c>flavor:</c>, informational (<c>postgresql</c>, <c>redis</c> …).</summary>
    public string? Flavor { get; init; }

    /// <summary><c>description:</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>labels:</c> (key → value), merged with the system labels at resolution (Polycrate reference §6.7).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>config:</c>, any YAML mapping: the block's defaults, merged over the parent's (§6.4); <c>block.config</c> in actions.</summary>
    public ConfigMap Config { get; init; } = ConfigMap.Empty;

    /// <summary><c>actions:</c>, in file order; inherited ones merged by name.</summary>
    public IReadOnlyList<BlockAction> Actions { get; init; } = [];

    /// <summary>Parent reference <c>name[:version]</c> (local block name or registry path).</summary>
    public string? From { get; init; }

    /// <summary>Position of the <c>from:</c> value, for errors about the reference.</summary>
    public SourceLocation? FromLocation { get; init; }

    /// <summary><c>template:</c> as written; null = not set here (inherits). See <see cref="IsTemplate"/>.</summary>
    public bool? Template { get; init; }

    /// <summary><c>inventory:</c> (Polycrate reference §6.6); null = the block's own <c>inventory.yml</c>, if any.</summary>
    public ArtifactLink? Inventory { get; init; }

    /// <summary><c>kubeconfig:</c> (Polycrate reference §6.6); null = the block's own <c>kubeconfig.yml</c>, if any.</summary>
    public ArtifactLink? Kubeconfig { get; init; }

    /// <summary>Host directory the actions run in; null for inline blocks defined only in workspace.poly.</summary>
    public string? Workdir { get; init; }

    /// <summary>Where the block was defined (the workspace.poly entry wins over block.poly).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The block's changelog (CHANGELOG.poly or <c>changelog:</c>): entries of version, date, type, …; shown as <c>block.changelog</c>, no effect on a run.</summary>
    internal ConfigList? Changelog { get; init; }

    /// <summary>A template block: its actions refuse to run (only blocks deriving from it run).</summary>
    public bool IsTemplate => Template == true;

    /// <summary>The action named <paramref name="name"/> (case-sensitive); null when the block has none.</summary>
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
