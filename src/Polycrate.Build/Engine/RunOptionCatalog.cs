namespace Polycrate.Build.Engine;

/// <summary>
/// The one description of the run options (<see cref="Execution.RunOptions"/>) that all three front ends offer: the CLI
/// takes its option names and help texts from here, the MSBuild SDK passes <c>$(Polycrate&lt;Name&gt;)</c> of every entry
/// to its run tasks, and docs/run-options.md is this table (a test renders and compares it). A new run option: a
/// <see cref="Execution.RunOptions"/> member, an entry here, then one property each in the CLI's RunOptionSet, the MSBuild
/// PolycrateRunTask and the Cake PolycrateSettings, mapped where the other options are mapped; the parity tests fail until
/// every front end has and maps it.
/// </summary>
public static class RunOptionCatalog
{
    /// <summary><c>--runtime</c> · MSBuild <c>PolycrateRuntime</c> · Cake <c>Runtime</c>.</summary>
    public static RunOptionDescriptor Runtime { get; } = new("Runtime", "--runtime",
        "Where actions run: container (the toolchain image, default) or host (this machine, for CI jobs already inside a toolchain image).",
        "host", o => o.Runtime);

    /// <summary><c>--pull</c> · MSBuild <c>PolycratePull</c> · Cake <c>Pull</c>.</summary>
    public static RunOptionDescriptor Pull { get; } = new("Pull", "--pull",
        "When to pull the toolchain image: missing (default; found missing by the container create when steps get their own containers), always, never.", "always", o => o.Pull);

    /// <summary><c>--force</c> · MSBuild <c>PolycrateForce</c> · Cake <c>Force</c>.</summary>
    public static RunOptionDescriptor Force { get; } = new("Force", "--force",
        "Confirm prompts of actions and workflows. Without a terminal (CI, every MSBuild build and Cake run) nothing waits for input, so a prompt without it fails the run.",
        null, o => o.Force);

    /// <summary><c>--max-parallel</c> · MSBuild <c>PolycrateMaxParallel</c> · Cake <c>MaxParallel</c>.</summary>
    public static RunOptionDescriptor MaxParallel { get; } = new("MaxParallel", "--max-parallel",
        "How many independent workflow steps (needs: branches) may run at once; 1 or more, default 1.", "3", o => o.MaxParallel);

    /// <summary><c>--isolate-steps</c> · MSBuild <c>PolycrateIsolateSteps</c> · Cake <c>IsolateSteps</c>.</summary>
    public static RunOptionDescriptor IsolateSteps { get; } = new("IsolateSteps", "--isolate-steps",
        "Run every step in a container of its own (for steps that change the toolchain container's system files, or images without sh). Default: steps with the same container settings run one after "
        + "another in one container per run, each with its own environment, files and working directory, and Ansible's SSH connections persist between them; "
        + "a run of one action always gets a container of its own.",
        null, o => o.IsolateSteps);

    /// <summary><c>--dockerfile</c> · MSBuild <c>PolycrateDockerfile</c> · Cake <c>Dockerfile</c>.</summary>
    public static RunOptionDescriptor Dockerfile { get; } = new("Dockerfile", "--dockerfile",
        "Build the toolchain image from this file (relative to the workspace) instead of Dockerfile.poly.", "Dockerfile.ci", o => o.Dockerfile);

    /// <summary><c>--junit</c> · MSBuild <c>PolycrateJUnitPath</c> · Cake <c>JUnitPath</c>.</summary>
    public static RunOptionDescriptor JUnitPath { get; } = new("JUnitPath", "--junit",
        "Write a JUnit XML report of the run (one test case per step) to this file, for CI systems.", "junit.xml", o => o.JUnitPath);

    /// <summary><c>--blocks-auto-pull</c> · MSBuild <c>PolycrateBlocksAutoPull</c> · Cake <c>BlocksAutoPull</c>.</summary>
    public static RunOptionDescriptor BlocksAutoPull { get; } = new("BlocksAutoPull", "--blocks-auto-pull",
        "Pull missing from: registry blocks (and dependencies:) before running; without it a run that needs one is refused (on a terminal the CLI asks).",
        null, o => o.BlocksAutoPull);

    /// <summary><c>--insecure-registry</c> · MSBuild <c>PolycrateInsecureRegistries</c> · Cake <c>InsecureRegistries</c>.</summary>
    public static RunOptionDescriptor InsecureRegistries { get; } = new("InsecureRegistries", "--insecure-registry",
        "Speak plain HTTP to these registries (HOST[:PORT], several allowed) when installing blocks; loopback registries (127.0.0.1, localhost) always use HTTP.",
        "registry.lan:5000", o => string.Join(';', o.InsecureRegistries));

    /// <summary><c>--docker-socket</c> · MSBuild <c>PolycrateDockerSocket</c> · Cake <c>DockerSocket</c>.</summary>
    public static RunOptionDescriptor DockerSocket { get; } = new("DockerSocket", "--docker-socket",
        "Mount the Docker engine's socket into action containers (for actions that use docker).", null, o => o.MountDockerSocket);

    /// <summary><c>--env</c> · MSBuild <c>PolycrateEnv</c> · Cake <c>Env</c>.</summary>
    public static RunOptionDescriptor Env { get; } = new("Env", "--env",
        "Environment variables for this run only, KEY=VALUE each (several allowed); they win over extraenv and config.container.env.",
        "STAGE=test", o => string.Join(';', o.ExtraEnv.Select(e => $"{e.Name}={e.Value}")));

    /// <summary><c>--mount</c> · MSBuild <c>PolycrateMount</c> · Cake <c>Mount</c>.</summary>
    public static RunOptionDescriptor Mount { get; } = new("Mount", "--mount",
        "Bind mounts for this run only, SRC:DST[:ro] each (several allowed; SRC relative to the current or project directory and existing, DST absolute).",
        "/tmp:/mnt/host-tmp:ro", o => string.Join(';', o.ExtraMounts.Select(m => $"{m.HostPath}:{m.ContainerPath}")));

    /// <summary><c>--loglevel</c> · MSBuild <c>PolycrateLogLevel</c> · Cake <c>LogLevel</c>.</summary>
    public static RunOptionDescriptor LogLevel { get; } = new("LogLevel", "--loglevel",
        "Polycrate's log level 0-5: sets ANSIBLE_VERBOSITY to it (and ANSIBLE_DEBUG from 3 on); empty keeps Ansible's default.", "2", o => o.LogLevel);

    /// <summary><c>--commit</c> · MSBuild <c>PolycrateCommit</c> · Cake <c>Commit</c>.</summary>
    public static RunOptionDescriptor Commit { get; } = new("Commit", "--commit",
        "After the run, git-commit what it changed in the workspace (run log, blocks.lock, artifacts; never plaintext secrets, "
        + "never files changed before the run). Nothing is committed when changes were staged before the run. Default: git.autocommit in workspace.poly.",
        null, o => o.Commit);

    /// <summary><c>--strict</c> · MSBuild <c>PolycrateStrict</c> · Cake <c>Strict</c>.</summary>
    public static RunOptionDescriptor Strict { get; } = new("Strict", "--strict",
        "Treat workspace warnings (unknown keys, missing playbooks …) as errors.", null, o => o.Strict);

    /// <summary><c>--limit</c> · MSBuild <c>PolycrateLimit</c> · Cake <c>Limit</c>.</summary>
    public static RunOptionDescriptor Limit { get; } = new("Limit", "--limit",
        "Ansible pass-through: run playbooks only against these hosts/groups (Ansible host pattern, e.g. db01.acme-corp.com or 'web_servers:!app02').",
        "db01", o => o.Ansible.Limit);

    /// <summary><c>--tags</c> · MSBuild <c>PolycrateTags</c> · Cake <c>Tags</c>.</summary>
    public static RunOptionDescriptor Tags { get; } = new("Tags", "--tags",
        "Ansible pass-through: only tasks with these tags (comma-separated); also ANSIBLE_RUN_TAGS for scripts.", "backup", o => o.Ansible.Tags);

    /// <summary><c>--skip-tags</c> · MSBuild <c>PolycrateSkipTags</c> · Cake <c>SkipTags</c>.</summary>
    public static RunOptionDescriptor SkipTags { get; } = new("SkipTags", "--skip-tags",
        "Ansible pass-through: skip tasks with these tags (comma-separated); also ANSIBLE_SKIP_TAGS for scripts.", "slow", o => o.Ansible.SkipTags);

    /// <summary><c>--check</c> · MSBuild <c>PolycrateCheck</c> · Cake <c>Check</c>.</summary>
    public static RunOptionDescriptor Check { get; } = new("Check", "--check",
        "Ansible pass-through: dry run (ansible-playbook --check); playbooks change nothing on the hosts. Script actions still run.", null, o => o.Ansible.Check);

    /// <summary><c>--diff</c> · MSBuild <c>PolycrateDiff</c> · Cake <c>Diff</c>.</summary>
    public static RunOptionDescriptor Diff { get; } = new("Diff", "--diff",
        "Ansible pass-through: show the changes of templates and files (ansible-playbook --diff); also ANSIBLE_DIFF_ALWAYS for scripts.", null, o => o.Ansible.Diff);

    /// <summary><c>--extra-vars</c> · MSBuild <c>PolycrateExtraVars</c> · Cake <c>ExtraVars</c>.</summary>
    public static RunOptionDescriptor ExtraVars { get; } = new("ExtraVars", "--extra-vars",
        "Ansible pass-through (several allowed): key=value pairs, a JSON mapping or @FILE; they win over the snapshot. "
        + "Passed in a private file, never on a command line; secret-looking values are masked in the run log.",
        "region=eu", o => string.Join(';', o.Ansible.ExtraVars));

    /// <summary><c>--vault-password-file</c> · MSBuild <c>PolycrateVaultPasswordFile</c> · Cake <c>VaultPasswordFile</c>.</summary>
    public static RunOptionDescriptor VaultPasswordFile { get; } = new("VaultPasswordFile", "--vault-password-file",
        "Ansible pass-through: vault password file (mounted read-only); a secret under artifacts/secrets that exists only as FILE.age is decrypted for the run.",
        "vault.txt", o => o.Ansible.VaultPasswordFile);

    /// <summary>Every run option every front end offers, in the order of the CLI's help.</summary>
    public static IReadOnlyList<RunOptionDescriptor> All { get; } =
    [
        Runtime, Pull, Force, MaxParallel, IsolateSteps, Dockerfile, JUnitPath, BlocksAutoPull, InsecureRegistries, DockerSocket, Env, Mount,
        LogLevel, Commit, Strict, Limit, Tags, SkipTags, Check, Diff, ExtraVars, VaultPasswordFile,
    ];

    /// <summary>
    /// CLI run options MSBuild and Cake do not offer, each with the reason: <c>--snapshot</c> prints and runs nothing (a
    /// target or task always runs, and neither has a data channel for it); <c>--local</c> is Polycrate's spelling of
    /// <c>--runtime host</c> (PolycrateRuntime=Host, Runtime = RuntimeKind.Host).
    /// </summary>
    public static IReadOnlyDictionary<string, string> CliOnly { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--snapshot"] = "prints the snapshot an action would receive and runs nothing; a target or task always runs",
        ["--local"] = "Polycrate's spelling of --runtime host",
    };
}
