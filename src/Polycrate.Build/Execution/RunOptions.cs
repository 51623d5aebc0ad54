using Polycrate.Build.Execution.Ansible;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Model;

namespace Polycrate.Build.Execution;

/// <summary>Where actions run.</summary>
public enum RuntimeKind
{
    /// <summary>In the toolchain container (the default).</summary>
    Container,

    /// <summary>On this machine, for CI jobs that already run inside a toolchain image.</summary>
    Host,
}

/// <summary>How a run goes: every front end (CLI, MSBuild, Cake) fills one of these.</summary>
public sealed record RunOptions
{
    /// <summary>The directory holding workspace.poly (absolute, or relative to the process's current directory).</summary>
    public required string WorkspaceDirectory { get; init; }

    /// <summary>How many independent workflow steps may run at once.</summary>
    public int MaxParallel { get; init; } = 1;

    /// <summary>When the toolchain image is pulled (<c>--pull</c>): only when missing (default), always, or never.</summary>
    public ImagePullPolicy Pull { get; init; } = ImagePullPolicy.Missing;

    /// <summary>Where actions run (<c>--runtime</c>): in the toolchain container (default) or on this host.</summary>
    public RuntimeKind Runtime { get; init; } = RuntimeKind.Container;

    /// <summary>Confirms action and workflow prompts.</summary>
    public bool Force { get; init; }

    /// <summary>Pull missing <c>from:</c> registry blocks before running.</summary>
    public bool BlocksAutoPull { get; init; }

    /// <summary>Registries (host[:port]) spoken to over plain HTTP when installing blocks; loopback hosts always are.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Overrides the workspace's Dockerfile (<c>--dockerfile FILE</c>), relative to the workspace.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Writes a JUnit XML report of the run to this path.</summary>
    public string? JUnitPath { get; init; }

    /// <summary>Load warnings (unknown keys, PCB1003 …) fail the run with exit code 2 before anything runs (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Mount the engine's socket into action containers (Docker-in-Docker actions).</summary>
    public bool MountDockerSocket { get; init; }

    /// <summary>
    /// Asks the user to confirm a prompt (message → yes/no); null when there is no terminal to ask on,
    /// in which case a prompt without <see cref="Force"/> refuses the run.
    /// </summary>
    public Func<string, CancellationToken, Task<bool>>? Confirm { get; init; }

    /// <summary>
    /// Environment variables for this run only (<c>-e/--env KEY=VALUE</c>), after the workspace's <c>extraenv</c> and
    /// <c>config.container.env</c>, so they win. Applied through <see cref="RunOverrides"/>.
    /// </summary>
    public IReadOnlyList<EnvironmentEntry> ExtraEnv { get; init; } = [];

    /// <summary>Bind mounts for this run only (<c>-m/--mount SRC:DST[:ro]</c>, SRC absolute), after the workspace's <c>extramounts</c>.</summary>
    public IReadOnlyList<MountEntry> ExtraMounts { get; init; } = [];

    /// <summary>Polycrate's <c>--loglevel N</c> (1 info, 2 debug, 3 trace): becomes <c>ANSIBLE_VERBOSITY</c> (and <c>ANSIBLE_DEBUG</c> above 2); null keeps the default.</summary>
    public int? LogLevel { get; init; }

    /// <summary>The command line (or task/alias call) recorded in the run log.</summary>
    public string? Command { get; init; }

    /// <summary>ansible-playbook options passed through to every playbook action of the run (<c>--limit</c>, <c>--check</c> …).</summary>
    public AnsiblePassThrough Ansible { get; init; } = AnsiblePassThrough.None;

    /// <summary>Commit what the run changed in the workspace afterwards (<c>--commit</c>; also <c>git.autocommit</c> in workspace.poly).</summary>
    public bool Commit { get; init; }

    /// <summary>
    /// One container per step (<c>--isolate-steps</c>), as before workflow runs shared containers; by default steps with
    /// the same container settings run as execs in one container per run (docs/execution.md).
    /// </summary>
    public bool IsolateSteps { get; init; }

    /// <summary>The image used when the workspace names none and has no Dockerfile.</summary>
    public string DefaultImage { get; init; } = "cargo.ayedo.cloud/library/polycrate:latest";
}
