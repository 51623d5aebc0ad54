using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Resolution;

/// <summary>
/// Turns workspace.poly entries and installed blocks into the workspace's resolved blocks:
/// entries merge with the installed block of the same name, <c>from:</c> chains of any depth resolve parent first,
/// cycles and self-references are errors that print the chain, and a missing parent names the block and how to
/// install it.
/// </summary>
internal sealed class BlockResolver
{
    private readonly IReadOnlyList<Block> _entries;
    private readonly IReadOnlyList<InstalledBlock> _installed;
    private readonly ILookup<string, Block> _entriesByName;
    private readonly ILookup<string, Block> _installedByNameOrPath;
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _allowMissing;
    private readonly string _defaultRegistry;
    private readonly Dictionary<Block, Block?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly List<Block> _visiting = [];
    private readonly List<MissingBlock> _missing = [];
    private readonly Dictionary<string, string> _blockedBy = new(StringComparer.Ordinal);

    /// <param name="entries">workspace.poly <c>blocks:</c> entries.</param>
    /// <param name="installed">Blocks found below the blocks root.</param>
    /// <param name="diagnostics">Where errors go.</param>
    /// <param name="allowMissing">Keep a missing registry parent in <see cref="Missing"/> instead of reporting an error.</param>
    /// <param name="defaultRegistry">Registry of references without a host (<c>from: ayedo/hcloud/k8s</c>).</param>
    public BlockResolver(IReadOnlyList<Block> entries, IReadOnlyList<InstalledBlock> installed, DiagnosticBag diagnostics, bool allowMissing,
        string defaultRegistry)
    {
        _diagnostics = diagnostics;
        _allowMissing = allowMissing;
        _defaultRegistry = defaultRegistry;
        _installed = installed;

        // An entry without from: and an installed block of the same name are one block (entry overrides).
        var installedByName = installed.ToDictionary(i => i.Block.Name, StringComparer.Ordinal);
        _entries = entries.Select(entry =>
            entry.From is null && installedByName.TryGetValue(entry.Name, out var same)
                ? BlockMerger.Merge(entry, same.Block, inherit: false)
                : entry).ToList();

        // Lookups keep the resolution linear for workspaces with thousands of blocks.
        _entriesByName = _entries.ToLookup(e => e.Name, StringComparer.Ordinal);
        _installedByNameOrPath = installed
            .SelectMany(i => i.InstallPath == i.Block.Name ? [(Key: i.Block.Name, i.Block)] : new[] { (Key: i.Block.Name, i.Block), (Key: i.InstallPath, i.Block) })
            .ToLookup(x => x.Key, x => x.Block, StringComparer.Ordinal);
    }

    public IReadOnlyList<MissingBlock> Missing => _missing;

    /// <summary>Blocks that could not resolve because a registry block in their chain is missing: name → that reference.</summary>
    public IReadOnlyDictionary<string, string> BlockedBy => _blockedBy;

    /// <summary>Resolved blocks in a stable order: workspace.poly entries first, then installed blocks not named by an entry.</summary>
    public IReadOnlyList<Block> ResolveAll()
    {
        var result = new List<Block>();
        foreach (var block in _entries.Concat(_installed.Select(i => i.Block).Where(b => !_entriesByName.Contains(b.Name))))
        {
            if (Resolve(block) is { } resolved)
            {
                result.Add(resolved);
            }
        }

        foreach (var block in result)
        {
            foreach (var action in block.Actions.Where(a => a.Playbook is null && a.Script is null))
            {
                _diagnostics.Error(DiagnosticCodes.ActionDefinition, $"action '{action.Name}' of block '{block.Name}' has neither 'playbook' nor 'script'",
                    action.Location, "give the action exactly one of 'playbook: file.yml' or 'script: [command, …]'");
            }
        }

        return result;
    }

    private Block? Resolve(Block block)
    {
        if (_resolved.TryGetValue(block, out var done))
        {
            return done;
        }

        if (block.From is null)
        {
            _resolved[block] = block;
            return block;
        }

        if (_visiting.Contains(block, ReferenceEqualityComparer.Instance))
        {
            var start = _visiting.FindIndex(b => ReferenceEquals(b, block));
            var chain = string.Join(" -> ", _visiting.Skip(start).Select(b => b.Name).Append(block.Name));
            _diagnostics.Error(DiagnosticCodes.InheritanceCycle, $"block inheritance cycle: {chain}", block.FromLocation ?? block.Location,
                "every 'from:' chain must end at a block without 'from:'");
            _resolved[block] = null;
            return null;
        }

        var reference = BlockReference.Parse(block.From);
        _visiting.Add(block);
        var parent = FindParent(block, reference);
        var resolvedParent = parent is null ? null : Resolve(parent);
        _visiting.RemoveAt(_visiting.Count - 1);
        if (parent is null)
        {
            _resolved[block] = null;
            return null;
        }

        if (resolvedParent is null && _blockedBy.TryGetValue(parent.Name, out var missingReference))
        {
            _blockedBy[block.Name] = missingReference;
        }

        var result = resolvedParent is null ? null : BlockMerger.Merge(block, resolvedParent, inherit: true);
        _resolved[block] = result;
        return result;
    }

    /// <summary>
    /// Installed blocks and entries a reference names: by name or install path, as written and, for a registry path
    /// without host, below the default registry; a reference to the default registry also matches the path without host
    /// (Polycrate's docs install <c>ayedo/k8s/harbor</c> at <c>blocks/ayedo/k8s/harbor/</c>).
    /// </summary>
    private List<Block> Candidates(BlockReference reference, Block? child)
    {
        var names = new List<string> { reference.Name };
        if (reference.IsShortRegistryReference)
        {
            names.Add(reference.Qualify(_defaultRegistry).Name);
        }
        else if (reference.Name.StartsWith(_defaultRegistry + "/", StringComparison.Ordinal))
        {
            names.Add(reference.Name[(_defaultRegistry.Length + 1)..]);
        }

        return names.SelectMany(n => _entriesByName[n].Where(e => !ReferenceEquals(e, child)).Concat(_installedByNameOrPath[n]))
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Block>().ToList();
    }

    /// <summary>Whether an installed block or entry satisfies <paramref name="reference"/> (name and, unless <c>latest</c>, version).</summary>
    public bool IsSatisfied(BlockReference reference) =>
        Candidates(reference, child: null).Any(b => reference.Version is null or "latest" || b.Version == reference.Version);

    /// <summary>
    /// A block's version after inheritance: one without its own takes its parent's, as in Polycrate, so
    /// <c>from: web:0.1.0</c> matches a <c>web</c> that inherits 0.1.0. A block in the chain being resolved (a cycle) counts as declared.
    /// </summary>
    private string? EffectiveVersion(Block block) =>
        block.Version is null && block.From is not null && !_visiting.Contains(block, ReferenceEqualityComparer.Instance)
            ? Resolve(block)?.Version
            : block.Version;

    private Block? FindParent(Block child, BlockReference reference)
    {
        bool VersionMatches(Block b) => reference.Version is null || EffectiveVersion(b) == reference.Version;

        var byName = Candidates(reference, child);
        var match = byName.FirstOrDefault(VersionMatches);
        if (match is not null)
        {
            return match;
        }

        // A candidate that could not resolve because its own registry parent is missing: that is the news, not a version mismatch.
        if (byName.Select(b => _blockedBy.GetValueOrDefault(b.Name)).FirstOrDefault(r => r is not null) is { } blocking)
        {
            _blockedBy[child.Name] = blocking;
            return null;
        }

        // A candidate that failed to resolve has its own error already; a second one here would only repeat it.
        if (reference.Version is not null && byName.Any(b => b.Version is null && _resolved.TryGetValue(b, out var failed) && failed is null))
        {
            return null;
        }

        if (byName.Count == 0 && reference.Name == child.Name)
        {
            _diagnostics.Error(DiagnosticCodes.InheritanceCycle, $"block '{child.Name}' inherits from itself ('from: {child.From}')",
                child.FromLocation ?? child.Location, "point 'from:' at another block, or remove it");
            return null;
        }

        // A registry path without host names a block on the default registry, as in Polycrate.
        var qualified = reference.Qualify(_defaultRegistry);
        var installedVersions = string.Join(", ", byName.Select(b => EffectiveVersion(b) ?? "(no version)").Distinct());
        var message = byName.Count > 0
            ? $"block '{child.Name}' needs '{reference}', but the installed '{reference.Name}' has version {installedVersions}"
            : $"block '{child.Name}' needs '{reference}'{(qualified == reference ? string.Empty : $" ({qualified})")}, which is not installed";
        var hint = qualified.IsRegistryReference
            ? $"run 'polycrate-build workspace update' or 'polycrate-build blocks pull {qualified}', or run with --blocks-auto-pull"
            : byName.Count > 0
                ? $"write 'from: {reference.Name}:{installedVersions.Split(", ")[0]}' (or 'from: {reference.Name}' for any version), or change the version of '{reference.Name}'"
                : Closest(reference.Name, child.Name) is { } closest
                    ? $"did you mean 'from: {closest}'? Otherwise add a block named '{reference.Name}' under blocks/ or to workspace.poly"
                    : $"add a block named '{reference.Name}' under blocks/ or to workspace.poly, or fix the 'from:' value";
        if (_allowMissing && qualified.IsRegistryReference)
        {
            _missing.Add(new MissingBlock(qualified.ToString(), child.Name, child.FromLocation ?? child.Location));
            _blockedBy[child.Name] = qualified.ToString();
        }
        else
        {
            _diagnostics.Error(DiagnosticCodes.ParentMissing, message, child.FromLocation ?? child.Location, hint);
        }

        return null;
    }

    /// <summary>The block name closest to a mistyped <c>from:</c> (<c>bsae</c> → <c>base</c>), if one is close.</summary>
    private string? Closest(string name, string child) =>
        EditDistance.Closest(name, _entries.Select(e => e.Name).Concat(_installed.Select(i => i.Block.Name))
            .Where(n => n != child).Distinct(StringComparer.Ordinal).ToList(), minimumTolerance: 2, ignoreCase: false);
}

/// <summary>A block discovered on disk: its definition and its directory relative to the blocks root (<c>/</c>-separated).</summary>
internal sealed record InstalledBlock(Block Block, string InstallPath);
