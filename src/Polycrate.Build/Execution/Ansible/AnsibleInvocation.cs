using Polycrate.Build.Model;

namespace Polycrate.Build.Execution.Ansible;

/// <summary>
/// What a run's <see cref="AnsiblePassThrough"/> adds to one action launch: ansible-playbook arguments (playbook
/// actions), the <c>ANSIBLE_*</c> variables Ansible itself reads (every action, so a script calling ansible-playbook
/// honours tags, skip-tags, diff and the vault password too), and read-only mounts of the files it refers to.
/// Inline extra vars are written to 0600 files in the action's private run directory, never onto a command line.
/// </summary>
internal sealed record AnsibleInvocation(IReadOnlyList<string> Arguments, IReadOnlyList<EnvironmentEntry> Environment, IReadOnlyList<MountEntry> Mounts)
{
    /// <summary>Where pass-through files appear in the container.</summary>
    public const string ContainerDirectory = "/run/polycrate";

    public static AnsibleInvocation Empty { get; } = new([], [], []);

    /// <summary>
    /// Prepares the invocation for one action. <paramref name="targetDirectory"/> is the action's private run
    /// directory; <paramref name="secretFiles"/> maps workspace paths of secrets decrypted for the run to their files.
    /// </summary>
    /// <exception cref="ActionException">A named file does not exist or an extra-vars value is malformed (exit code 2).</exception>
    public static async Task<AnsibleInvocation> PrepareAsync(AnsiblePassThrough options, ActionContext context, string targetDirectory,
        IReadOnlyDictionary<string, string> secretFiles, CancellationToken cancellationToken)
    {
        if (options.IsEmpty)
        {
            return Empty;
        }

        var arguments = new List<string>();
        var environment = new List<EnvironmentEntry>();
        var mounts = new List<MountEntry>();
        string Visible(string hostPath, string containerName)
        {
            if (context.OnHost)
            {
                return hostPath;
            }

            var containerPath = ContainerDirectory + "/" + containerName;
            mounts.Add(new MountEntry(hostPath, containerPath, ReadOnly: true));
            return containerPath;
        }

        // Extra vars reach playbooks only (Ansible has no environment variable for them): scripts get no files.
        var extraVars = context.Action.Kind == ActionKind.Playbook ? options.ExtraVars : [];
        for (var i = 0; i < extraVars.Count; i++)
        {
            var value = extraVars[i].Trim();
            string hostPath;
            if (value.StartsWith('@'))
            {
                hostPath = ExistingFile(context.Workspace, value[1..], secretFiles, "--extra-vars @");
            }
            else
            {
                hostPath = Path.Combine(targetDirectory, $"extra-vars-{i}.yml");
                await OwnerOnlyFile.WriteAsync(hostPath, ExtraVarsFile.Content(value), cancellationToken);
            }

            arguments.AddRange(["-e", "@" + Visible(hostPath, $"extra-vars-{i}.yml")]);
        }

        if (options.Limit is { } limit)
        {
            arguments.AddRange(["--limit", limit]);
        }

        if (options.Tags is { } tags)
        {
            arguments.AddRange(["--tags", tags]);
            environment.Add(new EnvironmentEntry("ANSIBLE_RUN_TAGS", tags));
        }

        if (options.SkipTags is { } skipTags)
        {
            arguments.AddRange(["--skip-tags", skipTags]);
            environment.Add(new EnvironmentEntry("ANSIBLE_SKIP_TAGS", skipTags));
        }

        if (options.Check)
        {
            arguments.Add("--check");
        }

        if (options.Diff)
        {
            arguments.Add("--diff");
            environment.Add(new EnvironmentEntry("ANSIBLE_DIFF_ALWAYS", "True"));
        }

        if (options.VaultPasswordFile is { } vault)
        {
            var visible = Visible(ExistingFile(context.Workspace, vault, secretFiles, "--vault-password-file "), "vault-password-file");
            arguments.AddRange(["--vault-password-file", visible]);
            environment.Add(new EnvironmentEntry("ANSIBLE_VAULT_PASSWORD_FILE", visible));
        }

        return new AnsibleInvocation(context.Action.Kind == ActionKind.Playbook ? arguments : [], environment, mounts);
    }

    /// <summary>
    /// The host file behind <paramref name="path"/>: the file itself, or the decrypted copy of a secret that exists
    /// only as <c>.age</c> (the path may be given with or without <c>.age</c>).
    /// </summary>
    private static string ExistingFile(Workspace workspace, string path, IReadOnlyDictionary<string, string> secretFiles, string option)
    {
        var full = Path.GetFullPath(path, workspace.RootPath);
        var plain = full.EndsWith(".age", StringComparison.Ordinal) ? full[..^4] : full;
        if (secretFiles.TryGetValue(plain, out var decrypted))
        {
            return decrypted;
        }

        if (File.Exists(full) && !full.EndsWith(".age", StringComparison.Ordinal))
        {
            return full;
        }

        throw new ActionException($"{option}{path}: no such file ({full})",
            full.EndsWith(".age", StringComparison.Ordinal) || File.Exists(full + ".age")
                ? "an encrypted secret is decrypted for the run only under artifacts/secrets and with WORKSPACE_ENCRYPTION_KEY set"
                : "check the path (relative paths are relative to the current directory on the CLI, else to the workspace)",
            AnsiblePassThroughErrors.FileMissingCode, exitCode: 2);
    }
}
