using Polycrate.Build.Model;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Templating;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// The one place an action's environment is assembled: path mapping, secrets, the SSH key copy, inventory and
/// kubeconfig, the vars plugin, docker_flags, flattened snapshot variables, script templates and the snapshot. It reads
/// the workspace but writes nothing (see <see cref="PreparedActionWriter"/>), so a failure leaves no trace.
/// Variable precedence, lowest first: flattened snapshot variables (<c>BLOCK_CONFIG_*</c>, <c>WORKSPACE_NAME</c>, …),
/// Polycrate's own (<c>POLYCRATE_*</c>, <c>ANSIBLE_*</c>, <c>ARTIFACTS</c>, <c>KUBECONFIG</c>, …), <c>extraenv</c>,
/// <c>config.container.env</c>, <c>docker_flags -e</c>.
/// </summary>
internal static class ActionEnvironmentBuilder
{
    /// <summary>Where the per-run snapshot appears in a container (read-only; each run has its own file on the host).</summary>
    public const string ContainerSnapshotPath = "/run/polycrate/snapshot.yml";

    /// <summary>Ansible's inventory when none is configured or found: an empty file in the toolchain image.</summary>
    private const string DefaultInventory = "/etc/ansible/hosts";

    /// <summary>Keys whose strings are never Jinja (shell lines, prose): written <c>!unsafe</c> so Ansible leaves their braces alone.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NotJinja = System.Collections.Frozen.FrozenSet.ToFrozenSet(["script", "description", "docker_flags"], StringComparer.Ordinal);

    /// <summary>
    /// Prepares <paramref name="context"/>. Throws <see cref="Diagnostics.WorkspaceException"/> for a missing configured
    /// inventory/kubeconfig (PCB1017) or a script template error (PCB1018/PCB1019), <see cref="ActionException"/> for an
    /// unsupported docker flag (PCB3054).
    /// </summary>
    public static PreparedAction Build(ActionContext context, ActionPreparationOptions options)
    {
        var workspace = context.Workspace;
        var onHost = context.OnHost;
        var paths = new PathMapper(workspace, onHost);
        var secretFiles = options.Secrets?.HostFiles ?? new Dictionary<string, string>();
        // A secret decrypted for the run is bind-mounted at its workspace path in a container; on the host it stays in the run directory.
        string Run(string hostPath) => onHost && secretFiles.TryGetValue(hostPath, out var decrypted) ? decrypted : paths.ToRun(hostPath);

        var snapshotHostPath = Path.Combine(options.RunDirectory, "snapshot.yml");
        var pluginHostDirectory = Path.Combine(options.RunDirectory, "vars_plugins");
        var key = SshKeyLocator.Find(workspace, secretFiles);
        var keyCopy = key is null ? null : Path.Combine(options.RunDirectory, "ssh", Path.GetFileName(key));
        var locator = new ArtifactLocator(workspace, paths, secretFiles);
        var inventory = locator.Inventory(context.Block);
        var kubeconfig = locator.Kubeconfig(context.Block);
        var flags = DockerFlags.Parse(workspace.Settings.DockerFlags, options.GetVariable);
        var artifacts = paths.ArtifactsDirectory(context.Block.Name);

        var mounts = new List<MountEntry>();
        if (!onHost)
        {
            mounts.Add(new MountEntry(workspace.RootPath, workspace.Settings.ContainerRoot, ReadOnly: false));
            mounts.Add(new MountEntry(snapshotHostPath, ContainerSnapshotPath, ReadOnly: true));
            mounts.Add(new MountEntry(pluginHostDirectory, AnsibleVarsPlugin.ContainerDirectory, ReadOnly: true));
            if (keyCopy is not null)
            {
                mounts.Add(new MountEntry(keyCopy, SshKeyLocator.ContainerPath, ReadOnly: true));
            }

            if (options.MountDockerSocket && File.Exists(options.DockerSocketPath))
            {
                mounts.Add(new MountEntry(options.DockerSocketPath, "/var/run/docker.sock", ReadOnly: false));
            }

            // Relative host paths are relative to the workspace (the 2025 tool turned them into named volumes).
            mounts.AddRange(workspace.ExtraMounts.Select(m => m with { HostPath = Path.GetFullPath(m.HostPath, workspace.RootPath) }));
            mounts.AddRange(options.Secrets?.Mounts ?? []);
            mounts.AddRange(options.Ansible.Mounts);
            mounts.AddRange(flags.Mounts);
        }

        var env = new EnvironmentList();
        var home = options.GetVariable("HOME") ?? "/root";
        PolycrateVariables.AddTo(env, context, new PolycrateVariables.Locations(
            Workspace: paths.ToRun(workspace.RootPath),
            Artifacts: paths.ToRun(artifacts),
            Snapshot: onHost ? snapshotHostPath : ContainerSnapshotPath,
            VarsPlugins: onHost
                ? $"{pluginHostDirectory}:{home}/.ansible/plugins/vars:/usr/share/ansible/plugins/vars"
                : $"{AnsibleVarsPlugin.ContainerDirectory}:{AnsibleVarsPlugin.DefaultDirectories}",
            Workdir: context.Block.Workdir is { } workdir ? paths.ToRun(workdir) : null,
            Inventory: inventory is null ? DefaultInventory : Run(inventory),
            Kubeconfig: kubeconfig is null ? null : Run(kubeconfig),
            SshKey: keyCopy is null ? null : onHost ? keyCopy : SshKeyLocator.ContainerPath), options.CliVersion);

        foreach (var entry in options.Ansible.Environment)
        {
            env.Set(entry.Name, entry.Value);
        }

        var used = (ModelProjection.UsedFile(inventory, inventory is null ? DefaultInventory : Run(inventory), paths),
            kubeconfig is null ? ModelProjection.NoFile : ModelProjection.UsedFile(kubeconfig, Run(kubeconfig), paths));
        var model = ModelSections(context, context.Action, paths, options, used);
        foreach (var entry in SnapshotVariables.Flatten(model))
        {
            env.AddIfMissing(entry);
        }

        // The user's own variables come last and win.
        foreach (var entry in workspace.ExtraEnv.Concat(workspace.Settings.ContainerEnv).Concat(flags.Environment))
        {
            env.Set(entry.Name, entry.Value);
        }

        var action = Render(context, model, env.Entries);
        // Only the action section changes with the rendered script; the workspace (all blocks), block and workflow
        // sections are the ones already projected for the flattened variables.
        var sections = ReferenceEquals(action, context.Action) ? model.Entries
            : model.Entries.Select(e => e.Key == "action" ? new(e.Key, ModelProjection.Action(action, context.Block.Name, mask: false)) : e).ToList();
        var snapshot = new ConfigMap([
            .. sections,
            new("env", ModelProjection.Env(env.Entries, mask: false)),
            new("mounts", new ConfigMap(mounts.Select(m => new KeyValuePair<string, ConfigValue>(m.HostPath, ConfigScalar.String(m.ContainerPath))).ToList())),
        ]);

        var files = new List<PrivateFile>
        {
            new(snapshotHostPath, Yaml: Serialization.ConfigYamlWriter.WriteParts(snapshot, NotJinja, options.Cache?.Yaml)),
            new(Path.Combine(pluginHostDirectory, AnsibleVarsPlugin.FileName), Content: AnsibleVarsPlugin.Source),
        };
        if (key is not null && keyCopy is not null)
        {
            files.Add(new PrivateFile(keyCopy, CopyFrom: secretFiles.GetValueOrDefault(key) ?? key));
        }

        return new PreparedAction
        {
            Context = context,
            Action = action,
            Command = ActionCommand.For(action, onHost ? snapshotHostPath : ContainerSnapshotPath, options.Ansible.Arguments),
            WorkingDirectory = paths.ToRun(context.Block.Workdir ?? workspace.RootPath),
            Environment = env.Entries,
            Mounts = mounts,
            Container = flags.Container,
            Snapshot = snapshot,
            SnapshotHostPath = snapshotHostPath,
            Files = files,
            Directories = [artifacts],
            // Owner pid, host and start time: the next command removes the container if this process is killed (OrphanReaper).
            Labels = new Dictionary<string, string>(ProcessOwner.Current.Labels)
            {
                ["polycrate.txid"] = context.TransactionId,
                ["polycrate.workspace"] = workspace.Name,
                [Cleanup.OrphanReaper.WorkspaceRootLabel] = workspace.RootPath,
                ["polycrate.block"] = context.Block.Name,
                ["polycrate.action"] = context.Action.Name,
                ["polycrate.managed-by"] = "polycrate-build",
            },
        };
    }

    /// <summary><c>workspace</c> (with <c>secrets</c>), <c>block</c>, <c>action</c>, <c>workflow</c>, <c>step</c>, real values.</summary>
    private static ConfigMap ModelSections(ActionContext context, BlockAction action, PathMapper paths, ActionPreparationOptions options,
        (ConfigMap Inventory, ConfigMap Kubeconfig) used)
    {
        var workspace = options.Cache?.Workspace(context.Workspace, context.OnHost)
            ?? ModelProjection.Workspace(context.Workspace, paths, includeBlocks: true, mask: false);
        if (options.Secrets is { } secrets)
        {
            workspace = new ConfigMap([.. workspace.Entries, new("secrets", secrets.ToSecretsMap(paths))]);
        }

        return ConfigMap.Of(
            ("workspace", workspace),
            ("block", ModelProjection.Block(context.Block, paths, mask: false, used)),
            ("action", ModelProjection.Action(action, context.Block.Name, mask: false)),
            ("workflow", context.Workflow is { } workflow ? options.Cache?.Workflow(workflow) ?? ModelProjection.Workflow(workflow) : null),
            ("step", context.Step is { } step && context.Workflow is { } owner ? ModelProjection.Step(step, owner) : null));
    }

    /// <summary>Renders the Go templates of script lines once, from the model and the final environment.</summary>
    private static BlockAction Render(ActionContext context, ConfigMap model, IReadOnlyList<EnvironmentEntry> env)
    {
        if (context.Action.Script is not { } script)
        {
            return context.Action;
        }

        var data = new TemplateData(new ConfigMap([.. model.Entries, new("env", ModelProjection.Env(env, mask: false))]));
        var locations = context.Action.ScriptLocations;
        var lines = script.Select((line, i) => ScriptTemplate.Render(line, data, locations is not null && i < locations.Count ? locations[i] : context.Action.Location)).ToList();
        return context.Action with { Script = lines };
    }
}
