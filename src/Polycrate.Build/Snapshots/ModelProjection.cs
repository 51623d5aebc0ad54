using Polycrate.Build.Model;
using Polycrate.Build.Secrets;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Snapshots;

/// <summary>
/// The model as data (<see cref="ConfigMap"/>), for snapshots and <c>inspect</c> output. Keys follow the snapshot
/// schema of Polycrate (polycrate.md §7.5), keep their case, and empty fields are omitted. By default config values
/// whose keys look secret are masked (inspect output); <c>mask: false</c> gives the real values an action receives.
/// </summary>
internal static class ModelProjection
{
    /// <summary>
    /// The block as data. <paramref name="files"/>: for an action's snapshot, the inventory and kubeconfig its action uses
    /// right now (<see cref="UsedFile"/>) — Polycrate's <c>block.inventory.path</c> / <c>block.kubeconfig.path</c>.
    /// </summary>
    public static ConfigMap Block(Block block, PathMapper paths, bool mask = true, (ConfigMap Inventory, ConfigMap Kubeconfig)? files = null) => ConfigMap.Of(
        ("name", S(block.Name)),
        ("version", S(block.Version)),
        ("kind", S(block.Kind)),
        ("type", S(block.Type)),
        ("flavor", S(block.Flavor)),
        ("description", S(block.Description)),
        ("from", S(block.From)),
        ("template", block.Template is { } template ? ConfigScalar.Bool(template) : null),
        ("labels", Labels(block.Labels)),
        ("config", Masked(block.Config, mask)),
        ("workdir", block.Workdir is { } workdir ? PathSection(workdir, paths) : null),
        ("artifacts", PathSection(paths.ArtifactsDirectory(block.Name), paths)),
        ("inventory", files is { } used ? Link(block.Inventory, used.Inventory) : Link(block.Inventory)),
        ("kubeconfig", files is { } usedFiles ? Link(block.Kubeconfig, usedFiles.Kubeconfig) : Link(block.Kubeconfig)),
        ("actions", new ConfigList(block.Actions.Select(a => (ConfigValue)Action(a, block.Name, mask)).ToList())),
        ("changelog", block.Changelog.Count > 0 ? new ConfigList(block.Changelog.Select(Changelog).ToList()) : null));

    private static ConfigValue Changelog(BlockChangelogEntry entry) => ConfigMap.Of(
        ("version", S(entry.Version)),
        ("date", S(entry.Date)),
        ("type", S(entry.Type)),
        ("description", S(entry.Description)),
        ("message", S(entry.Message)),
        ("email", S(entry.Email)));

    public static ConfigMap Action(BlockAction action, string blockName, bool mask = true) => ConfigMap.Of(
        ("name", S(action.Name)),
        ("description", S(action.Description)),
        ("type", S(action.Type)),
        ("playbook", S(action.Playbook)),
        ("script", action.Script is { } script ? new ConfigList(script.Select(l => (ConfigValue)ConfigScalar.String(l)).ToList()) : null),
        ("interactive", action.Interactive is { } interactive ? ConfigScalar.Bool(interactive) : null),
        ("prompt", action.Prompt is { } prompt ? ConfigMap.Of(("message", S(prompt))) : null),
        ("labels", Labels(action.Labels)),
        ("config", action.Config.Count > 0 ? Masked(action.Config, mask) : null),
        ("block", S(blockName)));

    public static ConfigMap Workflow(Workflow workflow) => ConfigMap.Of(
        ("name", S(workflow.Name)),
        ("description", S(workflow.Description)),
        ("allow_failure", workflow.AllowFailure ? ConfigScalar.Bool(true) : null),
        ("prompt", workflow.Prompt is { } prompt ? ConfigMap.Of(("message", S(prompt))) : null),
        ("labels", Labels(workflow.Labels)),
        ("steps", new ConfigList(workflow.Steps.Select(s => (ConfigValue)Step(s, workflow)).ToList())));

    public static ConfigMap Step(WorkflowStep step, Workflow workflow) => ConfigMap.Of(
        ("name", S(step.Name)),
        ("description", S(step.Description)),
        ("block", S(step.Block)),
        ("action", S(step.Action)),
        ("needs", new ConfigList(workflow.DependenciesOf(step).Select(n => (ConfigValue)ConfigScalar.String(n)).ToList())),
        ("when", step.When == RunCondition.OnSuccess ? null : S(step.When == RunCondition.OnFailure ? "on_failure" : "always")),
        ("allow_failure", (step.AllowFailure ?? workflow.AllowFailure) ? ConfigScalar.Bool(true) : null),
        ("prompt", step.Prompt is { } prompt ? ConfigMap.Of(("message", S(prompt))) : null),
        ("labels", Labels(step.Labels)),
        ("workflow", S(workflow.Name)));

    public static ConfigMap Workspace(Workspace workspace, PathMapper paths, bool includeBlocks, bool mask = true)
    {
        var settings = workspace.Settings;
        return ConfigMap.Of(
            ("name", S(workspace.Name)),
            ("organization", S(workspace.Organization)),
            ("description", S(workspace.Description)),
            ("labels", Labels(workspace.Labels)),
            ("path", S(paths.ToRun(workspace.RootPath))),
            ("localpath", S(workspace.RootPath)),
            ("containerpath", S(settings.ContainerRoot)),
            ("config", ConfigMap.Of(
                ("blocksroot", S(settings.BlocksRoot)),
                ("blocksconfig", S(settings.BlocksConfig)),
                ("logsroot", S(settings.LogsRoot)),
                ("artifactsroot", S(settings.ArtifactsRoot)),
                ("containerroot", S(settings.ContainerRoot)),
                ("sshprivatekey", S(settings.SshPrivateKey)),
                ("sshpublickey", S(settings.SshPublicKey)),
                ("dockerfile", S(settings.Dockerfile)),
                ("container", ConfigMap.Of(
                    ("image", S(settings.Image)),
                    ("docker_flags", settings.DockerFlags.Count > 0 ? new ConfigList(settings.DockerFlags.Select(f => (ConfigValue)ConfigScalar.String(f)).ToList()) : null),
                    ("env", settings.ContainerEnv.Count > 0 ? Env(settings.ContainerEnv, mask) : null))),
                ("globals", workspace.Globals.Count > 0 ? Masked(workspace.Globals, mask) : null))),
            ("extraenv", workspace.ExtraEnv.Count > 0
                ? new ConfigList(workspace.ExtraEnv.Select(e => (ConfigValue)ConfigScalar.String($"{e.Name}={(mask ? MaskIfSecret(e.Name, e.Value) : e.Value)}")).ToList())
                : null),
            ("extramounts", workspace.ExtraMounts.Count > 0
                ? new ConfigList(workspace.ExtraMounts.Select(m => (ConfigValue)ConfigScalar.String($"{m.HostPath}:{m.ContainerPath}{(m.ReadOnly ? ":ro" : string.Empty)}")).ToList())
                : null),
            ("blocks", includeBlocks ? new ConfigList(workspace.Blocks.Select(b => (ConfigValue)Block(b, paths, mask)).ToList()) : null),
            ("workflows", workspace.Workflows.Count > 0 ? new ConfigList(workspace.Workflows.Select(w => (ConfigValue)Workflow(w)).ToList()) : null),
            ("missing_blocks", workspace.MissingBlocks.Count > 0
                ? new ConfigList(workspace.MissingBlocks.Select(m => (ConfigValue)ConfigMap.Of(("reference", S(m.Reference)), ("required_by", S(m.RequiredBy)))).ToList())
                : null));
    }

    /// <summary>Environment variables as a map; values of secret-looking names are masked unless <paramref name="mask"/> is false.</summary>
    public static ConfigMap Env(IEnumerable<EnvironmentEntry> entries, bool mask = true) =>
        new(entries.Select(e => new KeyValuePair<string, ConfigValue>(e.Name, ConfigScalar.String(mask ? MaskIfSecret(e.Name, e.Value) : e.Value))).ToList());

    private static ConfigMap Masked(ConfigMap map, bool mask) => mask ? MaskSecrets(map) : map;

    public static ConfigMap MaskSecrets(ConfigMap map)
    {
        // Keys listed in a secret_keys list beside them (also every key from secrets.poly) are as secret as secret-looking names.
        var listed = map[SecretRedactor.SecretKeysKey] is ConfigList keys
            ? keys.Items.OfType<ConfigScalar>().Select(k => k.Text).ToHashSet(StringComparer.Ordinal)
            : [];
        return new(map.Entries.Select(e => new KeyValuePair<string, ConfigValue>(e.Key, e.Value switch
        {
            ConfigMap child => MaskSecrets(child),
            ConfigScalar { Kind: not ScalarKind.Null } when SecretNames.LooksSecret(e.Key) || listed.Contains(e.Key) => ConfigScalar.String(SecretNames.Mask),
            ConfigList when listed.Contains(e.Key) => ConfigScalar.String(SecretNames.Mask),
            _ => e.Value,
        })).ToList());
    }

    private static string MaskIfSecret(string name, string value) => SecretNames.LooksSecret(name) ? SecretNames.Mask : value;

    /// <summary>An action that uses no such file (no kubeconfig anywhere): empty paths, as Polycrate's template gave them (<c>{{ .Block.Kubeconfig.Path }}</c> is empty).</summary>
    public static ConfigMap NoFile { get; } = ConfigMap.Of(("path", S(string.Empty)), ("localpath", S(string.Empty)), ("containerpath", S(string.Empty)));

    /// <summary>
    /// <c>path</c> (<paramref name="runPath"/>: what the action's variable holds), <c>localpath</c> and <c>containerpath</c>
    /// of a file an action uses; a path outside the workspace (Ansible's default <c>/etc/ansible/hosts</c>) is the same in all three.
    /// </summary>
    public static ConfigMap UsedFile(string? hostPath, string runPath, PathMapper paths) => ConfigMap.Of(
        ("path", S(runPath)),
        ("localpath", S(hostPath ?? runPath)),
        ("containerpath", S(hostPath is null ? runPath : paths.ToContainer(hostPath))));

    private static ConfigMap PathSection(string hostPath, PathMapper paths) => ConfigMap.Of(
        ("path", S(paths.ToRun(hostPath))),
        ("localpath", S(hostPath)),
        ("containerpath", S(paths.ToContainer(hostPath))));

    private static ConfigMap? Link(ArtifactLink? link) =>
        link is null ? null : ConfigMap.Of(("from", S(link.From)), ("filename", S(link.Filename)));

    private static ConfigMap Link(ArtifactLink? link, ConfigMap used) => new([.. Link(link)?.Entries ?? [], .. used.Entries]);

    private static ConfigMap? Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? null : new ConfigMap(labels.Select(l => new KeyValuePair<string, ConfigValue>(l.Key, ConfigScalar.String(l.Value))).ToList());

    private static ConfigScalar? S(string? value) => value is null ? null : ConfigScalar.String(value);
}
