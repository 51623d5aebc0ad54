using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;
using Polycrate.Build.Resolution;

namespace Polycrate.Build.Loading;

/// <summary>
/// Loads <c>workspace.poly</c> and every <c>block.poly</c> below the blocks root, resolves inheritance and checks
/// references. Every problem is collected with its file, line and column; errors throw one
/// <see cref="WorkspaceException"/> listing them all.
/// </summary>
internal sealed class WorkspaceLoader
{
    public const string WorkspaceFileName = "workspace.poly";

    private readonly ILogger _logger;

    public WorkspaceLoader(ILogger<WorkspaceLoader>? logger = null)
    {
        _logger = logger ?? NullLogger<WorkspaceLoader>.Instance;
    }

    public async Task<LoadResult> LoadAsync(string workspaceDirectory, LoadOptions options, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(workspaceDirectory);
        var path = Path.Combine(root, WorkspaceFileName);
        var diagnostics = new DiagnosticBag();
        if (!File.Exists(path))
        {
            // Like Polycrate we do not search upwards (a command must not act on a workspace nobody named), but we say where it is.
            var above = EnclosingWorkspace(root);
            throw new WorkspaceException(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WorkspaceFileMissing,
                $"no {WorkspaceFileName} in {root}" + (above is null ? string.Empty : $"; this directory is inside the workspace {above}"),
                new SourceLocation(path, 0, 0),
                $"{DiagnosticCatalog.WorkspaceDirectoryHint.Cli}, or create one with 'polycrate-build workspace init'"));
        }

        var limits = options.Limits ?? InputLimits.FromEnvironment(Environment.GetEnvironmentVariable);
        var text = await PolyFileReader.ReadAsync(path, limits, diagnostics, cancellationToken);
        var file = text is null ? new YamlFile(path, null, SyntaxError: true) : YamlFile.Parse(path, text, diagnostics, limits);
        var definition = WorkspaceParser.Parse(file, diagnostics);
        if (definition is null)
        {
            diagnostics.ThrowIfErrors(options.Strict);
            throw new WorkspaceException(diagnostics.Items);
        }

        var installed = await DiscoverBlocksAsync(root, definition.Settings, limits, diagnostics, cancellationToken);
        var getVariable = options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        // Polycrate's own ~/.polycrate/polycrate.yml comes after the workspace's registry.url (more specific) and the variable.
        var defaultRegistry = DefaultRegistry.ForPulls(
            definition.Settings.Registry ?? await PolycrateUserConfig.ReadRegistryAsync(getVariable, limits, diagnostics, cancellationToken), getVariable);
        var secrets = await SecretsFile.ReadAsync(root, getVariable, diagnostics, cancellationToken);
        SecretsFile.WarnUnknownBlocks(secrets, definition.BlockEntries, installed.SelectMany(i => new[] { i.Block.Name, i.InstallPath }), diagnostics);
        var entries = SecretsFile.MergeInto(definition.BlockEntries, secrets);
        var resolver = new BlockResolver(entries, installed, diagnostics, options.AllowMissingBlocks, defaultRegistry);
        var blocks = resolver.ResolveAll();
        var dependencies = Dependencies(definition, resolver, defaultRegistry);
        var declared = entries.Select(b => b.Name).Concat(installed.Select(i => i.Block.Name)).ToHashSet(StringComparer.Ordinal);

        var workspace = new Workspace
        {
            Name = definition.Name,
            Organization = definition.Organization,
            Description = definition.Description,
            Labels = definition.Labels,
            RootPath = root,
            Settings = definition.Settings,
            Blocks = blocks,
            Workflows = definition.Workflows,
            ExtraEnv = definition.ExtraEnv,
            ExtraMounts = definition.ExtraMounts,
            Globals = definition.Globals,
            MissingBlocks = resolver.Missing,
            BlockedBy = options.AllowMissingBlocks ? PendingDependencyBlocks.Add(resolver.BlockedBy, dependencies, declared) : resolver.BlockedBy,
            DefaultRegistry = defaultRegistry,
            Dependencies = dependencies,
            Location = definition.Location,
        };

        ReferenceValidator.Validate(workspace, declared, diagnostics);
        ActionFiles.WarnAtLoad(workspace, diagnostics);
        ScriptPlaybookHosts.WarnAtLoad(workspace, diagnostics);
        diagnostics.ThrowIfErrors(options.Strict);
        _logger.LogDebug("Loaded workspace {Name} from {Root}: {Blocks} blocks, {Workflows} workflows", workspace.Name, root,
            workspace.Blocks.Count, workspace.Workflows.Count);
        return new LoadResult(workspace, diagnostics.Items);
    }

    /// <summary>The nearest directory above <paramref name="directory"/> that holds a workspace.poly, if any.</summary>
    private static string? EnclosingWorkspace(string directory)
    {
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(Path.Combine(parent, WorkspaceFileName)))
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary><c>dependencies:</c> host-qualified (a reference without host is on the default registry, as in Polycrate).</summary>
    private static List<BlockDependency> Dependencies(WorkspaceDefinition definition, BlockResolver resolver, string defaultRegistry) =>
        definition.Dependencies.Select(text =>
        {
            var reference = BlockReference.Parse(text);
            var qualified = reference.IsRegistryReference ? reference : reference with { Name = $"{defaultRegistry}/{reference.Name}" };
            return new BlockDependency(qualified.ToString(), resolver.IsSatisfied(qualified), definition.DependenciesLocation);
        }).ToList();

    private static async Task<List<InstalledBlock>> DiscoverBlocksAsync(string root, WorkspaceSettings settings, InputLimits limits, DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var blocksRoot = Path.Combine(root, settings.BlocksRoot);
        var result = new List<InstalledBlock>();
        if (!Directory.Exists(blocksRoot))
        {
            return result;
        }

        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var files = Directory.EnumerateFiles(blocksRoot, settings.BlocksConfig, enumeration)
            // Hidden folders below blocks/ are skipped; the workspace itself may sit below one (CI build directories).
            .Where(f => !Path.GetRelativePath(blocksRoot, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') && part.Length > 1 && part != ".."))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Reading is I/O bound and parsing is independent per file; each file gets its own diagnostics bag.
        var parsed = new (Block? Block, DiagnosticBag Diagnostics)[files.Count];
        await Parallel.ForAsync(0, files.Count, cancellationToken, async (i, ct) =>
        {
            var bag = new DiagnosticBag();
            var block = await BlockFileReader.ReadAsync(files[i], bag, limits, ct);
            parsed[i] = (block, bag);
        });

        var byName = new Dictionary<string, InstalledBlock>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var (block, bag) = parsed[i];
            foreach (var diagnostic in bag.Items)
            {
                diagnostics.Add(diagnostic);
            }

            if (block is null)
            {
                continue;
            }

            if (byName.TryGetValue(block.Name, out var other))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateName,
                    $"block '{MessageText.Cut(block.Name)}' is installed twice: first at {other.Block.Location}, again at {block.Location}",
                    block.Location, "remove one of the two directories, or rename one block");
                continue;
            }

            var installPath = Path.GetRelativePath(blocksRoot, block.Workdir!).Replace(Path.DirectorySeparatorChar, '/');
            byName[block.Name] = new InstalledBlock(block, installPath);
            result.Add(byName[block.Name]);
        }

        return result;
    }
}
