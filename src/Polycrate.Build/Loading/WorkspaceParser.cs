using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>Parses workspace.poly in both formats real users have (2025 keys and the newer <c>config.container</c>).</summary>
internal static class WorkspaceParser
{
    public static WorkspaceDefinition? Parse(YamlFile file, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.From(file.Root, file, diagnostics, "workspace");
        if (reader is null)
        {
            if (file.Root is null && !file.SyntaxError)
            {
                diagnostics.Error(DiagnosticCodes.MissingRequired, "workspace.poly is empty", file.FileLocation,
                    "start with 'name: my-workspace' (or run 'polycrate-build workspace init')");
            }

            return null;
        }

        var name = reader.String("name", required: true);
        if (name is not null && !Names.IsValidName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"workspace.name: '{MessageText.Cut(name)}' is not a valid workspace name", reader.LocationOf("name"),
                $"use {Names.NameRule}");
        }

        var organization = reader.String("organization");
        var settings = ReadSettings(reader, diagnostics);

        var entries = new List<Block>();
        var blockNames = new DuplicateNames("block", "merge the two entries, or give the second instance another name");
        var blockNodes = reader.Sequence("blocks") ?? [];
        for (var i = 0; i < blockNodes.Count; i++)
        {
            var block = BlockParser.Parse(blockNodes[i], file, diagnostics, $"workspace.blocks[{i}]", workdir: null);
            if (block is null)
            {
                continue;
            }

            if (!blockNames.Add(block.Name, block.Location, "workspace.blocks", diagnostics))
            {
                continue;
            }

            entries.Add(block);
        }

        var workflows = new List<Workflow>();
        var workflowNames = new DuplicateNames("workflow", "give each workflow a unique name");
        var workflowNodes = reader.Sequence("workflows") ?? [];
        for (var i = 0; i < workflowNodes.Count; i++)
        {
            var workflow = WorkflowParser.Parse(workflowNodes[i], file, diagnostics, $"workspace.workflows[{i}]");
            if (workflow is null)
            {
                continue;
            }

            if (!workflowNames.Add(workflow.Name, workflow.Location, "workspace.workflows", diagnostics))
            {
                continue;
            }

            workflows.Add(workflow);
        }

        var definition = new WorkspaceDefinition(
            Name: name ?? string.Empty,
            Organization: organization,
            Description: reader.String("description"),
            Labels: reader.StringMap("labels") ?? new Dictionary<string, string>(),
            Settings: IntegrationsParser.Read(reader, settings.Settings) with { Registry = ReadRegistry(reader, diagnostics) },
            BlockEntries: entries,
            Workflows: workflows,
            ExtraEnv: ReadEnvList(reader, "extraenv"),
            ExtraMounts: ReadMounts(reader),
            Globals: settings.Globals,
            Dependencies: reader.StringList("dependencies") ?? [],
            DependenciesLocation: reader.LocationOf("dependencies"),
            Location: reader.Location);

        ReadIgnoredSections(reader, diagnostics);
        reader.ReportUnknownKeys();
        return name is null ? null : definition;
    }

    private static (WorkspaceSettings Settings, ConfigMap Globals) ReadSettings(MappingReader workspace, DiagnosticBag diagnostics)
    {
        var defaults = new WorkspaceSettings();
        var inventory = workspace.Mapping("inventory");
        var kubeconfig = workspace.Mapping("kubeconfig");
        // path: (as Polycrate's own files carry it) names the file itself and wins; a container path is resolved when the action starts.
        var (inventoryPath, kubeconfigPath) = (inventory?.String("path"), kubeconfig?.String("path"));
        var (inventoryName, kubeconfigName) = (inventory?.String("filename"), kubeconfig?.String("filename"));
        var inventoryFile = inventoryPath ?? inventoryName;
        var kubeconfigFile = kubeconfigPath ?? kubeconfigName;
        inventory?.Ignore(PolycrateMetadataKeys.ArtifactPaths);
        kubeconfig?.Ignore(PolycrateMetadataKeys.ArtifactPaths);
        inventory?.ReportUnknownKeys();
        kubeconfig?.ReportUnknownKeys();

        var config = workspace.Mapping("config");
        if (config is null)
        {
            CheckPaths(workspace, null, null, inventory, kubeconfig, diagnostics);
            return (defaults with { InventoryFile = inventoryFile ?? defaults.InventoryFile, KubeconfigFile = kubeconfigFile }, ConfigMap.Empty);
        }

        // 2025 format: config.image.reference + config.image.version.
        string? image = null;
        var legacyImage = config.Mapping("image");
        if (legacyImage is not null)
        {
            var reference = legacyImage.String("reference");
            var version = legacyImage.String("version");
            image = reference is null ? null : version is null ? reference : $"{reference}:{version}";
            legacyImage.ReportUnknownKeys();
        }

        var dockerfile = config.String("dockerfile");

        // Newer format: config.container.{image, dockerfile, docker_flags, env}; it wins where both are given.
        var container = config.Mapping("container");
        IReadOnlyList<string> dockerFlags = [];
        var containerEnv = new List<EnvironmentEntry>();
        if (container is not null)
        {
            image = container.String("image") ?? image;
            dockerfile = container.String("dockerfile") ?? dockerfile;
            dockerFlags = container.StringList("docker_flags") ?? [];
            DockerFlagsCheck.Report(container.Node("docker_flags"), container.File, diagnostics);
            foreach (var (key, value) in container.StringMap("env") ?? new Dictionary<string, string>())
            {
                containerEnv.Add(new EnvironmentEntry(key, value));
            }

            container.ReportUnknownKeys();
        }

        var settings = new WorkspaceSettings
        {
            BlocksRoot = config.String("blocksroot") ?? defaults.BlocksRoot,
            BlocksConfig = config.String("blocksconfig") ?? defaults.BlocksConfig,
            LogsRoot = config.String("logsroot") ?? defaults.LogsRoot,
            ArtifactsRoot = config.String("artifactsroot") ?? defaults.ArtifactsRoot,
            ContainerRoot = config.String("containerroot") ?? defaults.ContainerRoot,
            SshPrivateKey = config.String("sshprivatekey") ?? defaults.SshPrivateKey,
            SshPublicKey = config.String("sshpublickey") ?? defaults.SshPublicKey,
            Image = image,
            Dockerfile = dockerfile ?? defaults.Dockerfile,
            DockerFlags = dockerFlags,
            ContainerEnv = containerEnv,
            InventoryFile = inventoryFile ?? defaults.InventoryFile,
            KubeconfigFile = kubeconfigFile,
        };

        var globals = config.ConfigMap("globals") ?? ConfigMap.Empty;
        CheckPaths(workspace, config, container, inventory, kubeconfig, diagnostics);

        // Accepted for compatibility with the 2025 format; they have no effect (see README, "Differences").
        config.String("workspaceconfig");
        config.String("workflowsroot");
        config.String("remoteroot");
        config.ReportUnknownKeys();
        return (settings, globals);
    }

    /// <summary>Path settings stay inside the workspace (PCB1044); see <see cref="WorkspacePathCheck"/>.</summary>
    private static void CheckPaths(MappingReader workspace, MappingReader? config, MappingReader? container, MappingReader? inventory,
        MappingReader? kubeconfig, DiagnosticBag diagnostics)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(workspace.File.Path))!;
        foreach (var key in new[] { "blocksroot", "logsroot", "artifactsroot", "sshprivatekey", "sshpublickey", "dockerfile" })
        {
            WorkspacePathCheck.Check(root, config, key, $"workspace.config.{key}", diagnostics);
        }

        WorkspacePathCheck.Check(root, config, "blocksconfig", "workspace.config.blocksconfig", diagnostics, fileNameOnly: true);
        WorkspacePathCheck.Check(root, container, "dockerfile", "workspace.config.container.dockerfile", diagnostics);
        WorkspacePathCheck.Check(root, inventory, "filename", "workspace.inventory.filename", diagnostics);
        WorkspacePathCheck.Check(root, kubeconfig, "filename", "workspace.kubeconfig.filename", diagnostics);
    }

    private static List<EnvironmentEntry> ReadEnvList(MappingReader reader, string key)
    {
        var result = new List<EnvironmentEntry>();
        foreach (var entry in reader.StringList(key) ?? [])
        {
            // Split at the first '=' only: values may contain '=' (the 2025 tool rejected them).
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, $"workspace.{key}: found '{MessageText.Cut(entry)}', expected KEY=value", reader.LocationOf(key),
                    "write each entry as NAME=value");
                continue;
            }

            result.Add(new EnvironmentEntry(entry[..separator], entry[(separator + 1)..]));
        }

        return result;
    }

    private static List<MountEntry> ReadMounts(MappingReader reader)
    {
        var result = new List<MountEntry>();
        foreach (var entry in reader.StringList("extramounts") ?? [])
        {
            var parts = entry.Split(':');
            var readOnly = parts.Length == 3 && parts[2] is "ro";
            var valid = parts.Length == 2 || (parts.Length == 3 && parts[2] is "ro" or "rw");
            if (!valid || parts[0].Length == 0 || !parts[1].StartsWith('/'))
            {
                reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, $"workspace.extramounts: found '{MessageText.Cut(entry)}', expected /host/path:/container/path[:ro]",
                    reader.LocationOf("extramounts"), "the container path must be absolute; append ':ro' for a read-only mount");
                continue;
            }

            result.Add(new MountEntry(parts[0], parts[1], readOnly));
        }

        return result;
    }

    private static void ReadIgnoredSections(MappingReader reader, DiagnosticBag diagnostics)
    {
        reader.StringList("alias");
        reader.Ignore("identifier", "version", "meta");
        // Polycrate's computed paths, found in workspace.poly files copied from its snapshot or inspect output.
        foreach (var computed in PolycrateMetadataKeys.ArtifactPaths.Where(k => reader.Node(k) is not null))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownKey, $"workspace.{computed} is computed by polycrate-build and is ignored here",
                reader.LocationOf(computed), $"remove '{computed}'");
        }

        if (reader.Node("sync") is YamlNode node)
        {
            diagnostics.Warning(DiagnosticCodes.UnknownKey, "workspace.sync has no effect in polycrate-build (the 2025 tool parsed it without using it)",
                reader.File.LocationOf(node), "remove it; use git directly to sync the workspace");
        }
    }

    /// <summary>
    /// <c>registry.url</c> (Polycrate's global key) or <c>registry.endpoint</c> (its workspace key): the registry of block
    /// references without a host. Credentials here would be committed with the workspace, so they are refused as having no effect.
    /// </summary>
    private static string? ReadRegistry(MappingReader workspace, DiagnosticBag diagnostics)
    {
        var registry = workspace.Mapping("registry");
        if (registry is null)
        {
            return null;
        }

        var url = registry.String("url");
        var endpoint = registry.String("endpoint");
        registry.String("base_image");
        foreach (var credential in new[] { "username", "password" })
        {
            if (registry.Node(credential) is YamlNode node)
            {
                diagnostics.Warning(DiagnosticCodes.UnknownKey, $"workspace.registry.{credential} has no effect in polycrate-build",
                    workspace.File.LocationOf(node),
                    "remove it, and never keep registry credentials in workspace.poly: use 'docker login' or POLYCRATE_REGISTRY_USERNAME/PASSWORD");
            }
        }

        registry.ReportUnknownKeys();
        return url ?? endpoint;
    }
}
