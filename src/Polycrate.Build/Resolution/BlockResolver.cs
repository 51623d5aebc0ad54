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
    private readonly Dictionary<Block, Block?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly List<Block> _visiting = [];
    private readonly List<MissingBlock> _missing = [];
    private readonly Dictionary<string, string> _blockedBy = new(StringComparer.Ordinal);

    public BlockResolver(IReadOnlyList<Block> entries, IReadOnlyList<InstalledBlock> installed, DiagnosticBag diagnostics, bool allowMissing)
    {
        _diagnostics = diagnostics;
        _allowMissing = allowMissing;
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
        var parent = FindParent(block, reference);
        if (parent is null)
        {
            _resolved[block] = null;
            return null;
        }

        _visiting.Add(block);
        var resolvedParent = Resolve(parent);
        _visiting.RemoveAt(_visiting.Count - 1);

        if (resolvedParent is null && _blockedBy.TryGetValue(parent.Name, out var missingReference))
        {
            _blockedBy[block.Name] = missingReference;
        }

        var result = resolvedParent is null ? null : BlockMerger.Merge(block, resolvedParent, inherit: true);
        _resolved[block] = result;
        return result;
    }

    private Block? FindParent(Block child, BlockReference reference)
    {
        bool VersionMatches(Block b) => reference.Version is null || b.Version == reference.Version;

        var byName = _entriesByName[reference.Name].Where(e => !ReferenceEquals(e, child))
            .Concat(_installedByNameOrPath[reference.Name])
            .ToList();
        var match = byName.FirstOrDefault(VersionMatches);
        if (match is not null)
        {
            return match;
        }

        if (byName.Count == 0 && reference.Name == child.Name)
        {
            _diagnostics.Error(DiagnosticCodes.InheritanceCycle, $"block '{child.Name}' inherits from itself ('from: {child.From}')",
                child.FromLocation ?? child.Location, "point 'from:' at another block, or remove it");
            return null;
        }

        var installedVersions = string.Join(", ", byName.Select(b => b.Version ?? "(no version)").Distinct());
        var message = byName.Count > 0
            ? $"block '{child.Name}' needs '{reference}', but the installed '{reference.Name}' has version {installedVersions}"
            : $"block '{child.Name}' needs '{reference}', which is not installed";
        var hint = reference.IsRegistryReference
            ? $"run 'polycrate-build blocks pull {reference}', or run with --blocks-auto-pull"
            : $"add a block named '{reference.Name}' under blocks/ or to workspace.poly, or fix the 'from:' value";
        if (_allowMissing && reference.IsRegistryReference)
        {
            _missing.Add(new MissingBlock(reference.ToString(), child.Name, child.FromLocation ?? child.Location));
            _blockedBy[child.Name] = reference.ToString();
        }
        else
        {
            _diagnostics.Error(DiagnosticCodes.ParentMissing, message, child.FromLocation ?? child.Location, hint);
        }

        return null;
    }
}

/// <summary>A block discovered on disk: its definition and its directory relative to the blocks root (<c>/</c>-separated).</summary>
internal sealed record InstalledBlock(Block Block, string InstallPath);
