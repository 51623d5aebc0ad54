using System.Collections.Concurrent;
using System.Reflection;
using Cake.Core.IO;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;

namespace Cake.Polycrate;

/// <summary>What every Polycrate alias needs: where the workspace is and how to run. The defaults match the CLI.</summary>
public class PolycrateSettings
{
    /// <summary>The directory holding workspace.poly; default: the working directory of the Cake run.</summary>
    public DirectoryPath? WorkspaceDirectory { get; set; }

    /// <summary>Treat workspace warnings as errors.</summary>
    public bool Strict { get; set; }

    /// <summary>Where actions run: in the toolchain container (default) or on this host (the CLI's <c>--runtime</c>).</summary>
    public RuntimeKind Runtime { get; set; } = RuntimeKind.Container;

    /// <summary>When the toolchain image is pulled: only when missing (default), always, or never (the CLI's <c>--pull</c>).</summary>
    public ImagePullPolicy Pull { get; set; } = ImagePullPolicy.Missing;

    /// <summary>Steps of one workflow run at most this many at once.</summary>
    public int MaxParallel { get; set; } = 1;

    /// <summary>Every step in a container of its own (the CLI's --isolate-steps); by default steps with the same container settings share one per run.</summary>
    public bool IsolateSteps { get; set; }

    /// <summary>Confirms action and workflow prompts; a Cake run never waits for input, so a prompt without it fails.</summary>
    public bool Force { get; set; }

    /// <summary>Pull missing registry blocks before a run.</summary>
    public bool BlocksAutoPull { get; set; }

    /// <summary>Dockerfile for the toolchain image; default: the workspace's Dockerfile.poly.</summary>
    public FilePath? Dockerfile { get; set; }

    /// <summary>Write a JUnit XML report of the run (one test case per step) to this file.</summary>
    public FilePath? JUnitPath { get; set; }

    /// <summary>Git-commit what the run changed in the workspace (as the CLI's <c>--commit</c>).</summary>
    public bool Commit { get; set; }

    /// <summary>Ansible pass-through: only these hosts/groups (<c>--limit</c>).</summary>
    public string? Limit { get; set; }

    /// <summary>Ansible pass-through: <c>--tags</c>, comma-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>Ansible pass-through: <c>--skip-tags</c>, comma-separated.</summary>
    public string? SkipTags { get; set; }

    /// <summary>Ansible pass-through: check mode, playbooks change nothing.</summary>
    public bool Check { get; set; }

    /// <summary>Ansible pass-through: <c>--diff</c>.</summary>
    public bool Diff { get; set; }

    /// <summary>Ansible pass-through: extra vars (key=value pairs, a JSON mapping or @FILE), later ones win.</summary>
    public IList<string> ExtraVars { get; set; } = [];

    /// <summary>Ansible pass-through: vault password file (a secret that exists only as FILE.age is decrypted for the run).</summary>
    public FilePath? VaultPasswordFile { get; set; }

    /// <summary>Registries (<c>host</c> or <c>host:port</c>) spoken to over plain HTTP; loopback registries always are.</summary>
    public ICollection<string> InsecureRegistries { get; } = [];

    /// <summary>Mount the Docker engine's socket into action containers (like <c>--docker-socket</c>).</summary>
    public bool DockerSocket { get; set; }

    /// <summary>Environment variables for the run only, <c>KEY=VALUE</c> each (like <c>-e/--env</c>); they win over the workspace's.</summary>
    public IList<string> Env { get; set; } = [];

    /// <summary>Bind mounts for the run only, <c>SRC:DST[:ro]</c> each (like <c>-m/--mount</c>); SRC relative to the working directory.</summary>
    public IList<string> Mount { get; set; } = [];

    /// <summary>Polycrate's log level 0-5 (like <c>--loglevel</c>): sets ANSIBLE_VERBOSITY (and ANSIBLE_DEBUG above 2); null keeps the default.</summary>
    public int? LogLevel { get; set; }

    /// <summary>
    /// Load warnings already logged by the tasks <see cref="PolycrateTasksAliases.PolycrateRegisterTasks"/> registered
    /// (shared by their copies), so a Cake run shows each once; null for a plain alias call, which logs all.
    /// </summary>
    internal ConcurrentDictionary<string, bool>? LoadWarningsShown { get; set; }

    /// <summary>
    /// A copy with the same values, so a registered task never shares mutable settings with the script. Every settable
    /// property is copied (a new setting cannot be forgotten here); lists are copied, not shared.
    /// </summary>
    internal T CopyTo<T>(T target)
        where T : PolycrateSettings
    {
        foreach (var property in typeof(PolycrateSettings).GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = property.GetValue(this);
            property.SetValue(target, value is IList<string> list ? new List<string>(list) : value);
        }

        foreach (var registry in InsecureRegistries)
        {
            target.InsecureRegistries.Add(registry);
        }

        return target;
    }
}
