using System.CommandLine;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>The options shared by every command that runs something (run, actions run, workflows run).</summary>
internal sealed class RunOptionSet
{
    public Option<RuntimeKind> Runtime { get; } = new("--runtime")
    {
        Description = "Where actions run: container (the toolchain image, default) or host (this machine, for CI jobs already inside a toolchain image).",
        DefaultValueFactory = _ => RuntimeKind.Container,
    };

    public Option<ImagePullPolicy> Pull { get; } = new("--pull")
    {
        Description = "When to pull the toolchain image: missing (default), always, never.",
        DefaultValueFactory = _ => ImagePullPolicy.Missing,
    };

    public Option<bool> Force { get; } = new("--force", "-f")
    {
        Description = "Confirm prompts of actions and workflows (needed in non-interactive runs).",
    };

    public Option<int> MaxParallel { get; } = new("--max-parallel")
    {
        Description = "How many independent workflow steps (needs: branches) may run at once.",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };

    public Option<bool> IsolateSteps { get; } = new("--isolate-steps")
    {
        Description = "Run every step in a container of its own (as before). Default: steps with the same container settings run one after "
            + "another in one container per run, each with its own environment, files and working directory, and Ansible's SSH connections persist between them.",
    };

    public Option<string?> Dockerfile { get; } = new("--dockerfile")
    {
        Description = "Build the toolchain image from this file (relative to the workspace) instead of Dockerfile.poly.",
        HelpName = "FILE",
    };

    public Option<string?> JUnit { get; } = new("--junit")
    {
        Description = "Write a JUnit XML report of the run (one test case per step) for CI systems.",
        HelpName = "FILE",
    };

    public Option<bool> BlocksAutoPull { get; } = new("--blocks-auto-pull")
    {
        Description = "Pull missing from: registry blocks before running (on a terminal you are asked instead; in CI the run is refused without it).",
    };

    public Option<string[]> InsecureRegistry { get; } = RegistryOptions.InsecureRegistry();

    public Option<bool> DockerSocket { get; } = new("--docker-socket")
    {
        Description = "Mount the Docker engine's socket into action containers (for actions that use docker).",
    };

    public Option<bool> Snapshot { get; } = new("--snapshot")
    {
        Description = "Print the snapshot (extra vars, environment, mounts) the action would receive and run nothing (Polycrate's flag).",
    };

    public Option<bool> Local { get; } = new("--local", "-l")
    {
        Description = "Run on this machine instead of the toolchain container (Polycrate's flag; the same as --runtime host).",
    };

    public Option<string[]> Env { get; } = new("--env", "-e")
    {
        Description = "Environment variable for this run only, KEY=VALUE (repeatable); wins over extraenv and config.container.env.",
        HelpName = "KEY=VALUE",
    };

    public Option<string[]> Mount { get; } = new("--mount", "-m")
    {
        Description = "Bind mount for this run only, SRC:DST[:ro] (repeatable; SRC relative to the current directory, DST absolute).",
        HelpName = "SRC:DST[:ro]",
    };

    public Option<int?> LogLevel { get; } = new("--loglevel")
    {
        Description = "Polycrate's log level 1-3 (info, debug, trace): sets ANSIBLE_VERBOSITY (and ANSIBLE_DEBUG at 3).",
        HelpName = "N",
    };
    public Option<bool> Commit { get; } = new("--commit")
    {
        Description = "After the run, git-commit what it changed in the workspace (run log, blocks.lock, artifacts; never plaintext secrets, " +
            "never files changed before the run). Nothing is committed when changes were staged before the run. Default: git.autocommit in workspace.poly.",
    };

    public AnsibleOptionSet Ansible { get; } = new();

    private static bool IsNumber(System.CommandLine.Parsing.OptionResult result) =>
        result.Tokens.Count == 0 || int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _);

    public void AddTo(Command command)
    {
        MaxParallel.Validators.Add(result =>
        {
            // A value that is not a number is System.CommandLine's own parse error; reading it here would throw.
            if (IsNumber(result) && result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-parallel must be 1 or more");
            }
        });
        Env.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (RunInputs.ParseEnv(value) is null)
                {
                    result.AddError($"--env '{value}': expected KEY=VALUE");
                }
            }
        });
        Mount.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (RunInputs.ParseMount(value, Directory.GetCurrentDirectory()) is not { } mount)
                {
                    result.AddError($"--mount '{value}': expected SRC:DST[:ro] with an absolute DST");
                }
                else if (!File.Exists(mount.HostPath) && !Directory.Exists(mount.HostPath))
                {
                    // The engine would create a missing source as an empty root-owned folder: a typo must not do that.
                    result.AddError($"--mount '{value}': the source {mount.HostPath} does not exist; create it first or fix the path");
                }
            }
        });
        LogLevel.Validators.Add(result =>
        {
            if (IsNumber(result) && result.GetValueOrDefault<int?>() is < 0 or > 5)
            {
                result.AddError("--loglevel must be between 0 and 5");
            }
        });
        foreach (var option in new Option[] { Runtime, Pull, Force, MaxParallel, IsolateSteps, Dockerfile, JUnit, BlocksAutoPull, InsecureRegistry, DockerSocket, Snapshot, Local, Env, Mount, LogLevel })
        {
            command.Options.Add(option);
        }

        command.Options.Add(Commit);
        Ansible.AddTo(command);
    }

    public RunOptions ToRunOptions(ParseResult parse, CliContext cli) => new()
    {
        WorkspaceDirectory = cli.WorkspaceDirectory(parse),
        Runtime = parse.GetValue(Local) ? RuntimeKind.Host : parse.GetValue(Runtime),
        Pull = parse.GetValue(Pull),
        Force = parse.GetValue(Force),
        MaxParallel = parse.GetValue(MaxParallel),
        IsolateSteps = parse.GetValue(IsolateSteps),
        Dockerfile = parse.GetValue(Dockerfile),
        JUnitPath = parse.GetValue(JUnit) is { } junit ? Path.GetFullPath(junit) : null,
        BlocksAutoPull = parse.GetValue(BlocksAutoPull),
        InsecureRegistries = parse.GetValue(InsecureRegistry) ?? [],
        MountDockerSocket = parse.GetValue(DockerSocket),
        Ansible = Ansible.ToPassThrough(parse),
        Commit = parse.GetValue(Commit),
        Strict = parse.GetValue(cli.Options.Strict),
        ExtraEnv = (parse.GetValue(Env) ?? []).Select(e => RunInputs.ParseEnv(e)!).ToList(),
        ExtraMounts = (parse.GetValue(Mount) ?? []).Select(m => RunInputs.ParseMount(m, Directory.GetCurrentDirectory())!).ToList(),
        LogLevel = parse.GetValue(LogLevel),
        Confirm = cli.Terminal.CanAsk ? cli.Terminal.ConfirmAsync : null,
        Command = "polycrate-build " + string.Join(' ', AnsibleOptionSet.MaskSecretValues(parse.Tokens.Select(t => t.Value))),
    };
}
