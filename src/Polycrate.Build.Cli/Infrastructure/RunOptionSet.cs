using System.CommandLine;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// The options shared by every command that runs something (run, actions run, workflows run); names and help texts of
/// the ones MSBuild and Cake offer too come from <see cref="RunOptionCatalog"/>.
/// </summary>
internal sealed class RunOptionSet
{
    public Option<RuntimeKind> Runtime { get; } = new(RunOptionCatalog.Runtime.Cli)
    {
        Description = RunOptionCatalog.Runtime.Description,
        DefaultValueFactory = _ => RuntimeKind.Container,
        HelpName = "container|host",
    };

    public Option<ImagePullPolicy> Pull { get; } = new(RunOptionCatalog.Pull.Cli)
    {
        Description = RunOptionCatalog.Pull.Description,
        DefaultValueFactory = _ => ImagePullPolicy.Missing,
        HelpName = "missing|always|never",
        CustomParser = ParsePull,
    };

    /// <summary>
    /// missing, always or never; Polycrate's boolean <c>--pull=true|false</c> (scripts and timers written for it):
    /// true pulls before every run (always); false skips that pull, but Polycrate's <c>docker run</c> still pulls an image
    /// that is not there (missing), Polycrate reference §7.6.
    /// </summary>
    private static ImagePullPolicy ParsePull(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "missing" : result.Tokens[^1].Value;
        switch (text.ToLowerInvariant())
        {
            case "missing" or "false":
                return ImagePullPolicy.Missing;
            case "always" or "true":
                return ImagePullPolicy.Always;
            case "never":
                return ImagePullPolicy.Never;
            default:
                result.AddError($"'{text}' is not a valid value of '{RunOptionCatalog.Pull.Cli}': expected missing, always or never (Polycrate's true/false mean always/missing)");
                return ImagePullPolicy.Missing;
        }
    }

    public Option<bool> Force { get; } = new(RunOptionCatalog.Force.Cli, "-f") { Description = RunOptionCatalog.Force.Description };

    public Option<int> MaxParallel { get; } = new(RunOptionCatalog.MaxParallel.Cli)
    {
        Description = RunOptionCatalog.MaxParallel.Description,
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };

    public Option<bool> IsolateSteps { get; } = new(RunOptionCatalog.IsolateSteps.Cli) { Description = RunOptionCatalog.IsolateSteps.Description };

    public Option<string?> Dockerfile { get; } = new(RunOptionCatalog.Dockerfile.Cli) { Description = RunOptionCatalog.Dockerfile.Description, HelpName = "FILE" };

    public Option<string?> JUnit { get; } = new(RunOptionCatalog.JUnitPath.Cli) { Description = RunOptionCatalog.JUnitPath.Description, HelpName = "FILE" };

    public Option<bool> BlocksAutoPull { get; } = new(RunOptionCatalog.BlocksAutoPull.Cli) { Description = RunOptionCatalog.BlocksAutoPull.Description };

    public Option<string[]> InsecureRegistry { get; } = RegistryOptions.InsecureRegistry();

    public Option<bool> DockerSocket { get; } = new(RunOptionCatalog.DockerSocket.Cli) { Description = RunOptionCatalog.DockerSocket.Description };

    public Option<bool> Snapshot { get; } = new("--snapshot")
    {
        Description = "Print the snapshot (extra vars, environment, mounts) the action would receive and run nothing (Polycrate's flag).",
    };

    public Option<bool> Local { get; } = new("--local", "-l")
    {
        Description = "Run on this machine instead of the toolchain container (Polycrate's flag; the same as --runtime host).",
    };

    public Option<string[]> Env { get; } = new(RunOptionCatalog.Env.Cli, "-e") { Description = RunOptionCatalog.Env.Description, HelpName = "KEY=VALUE" };

    public Option<string[]> Mount { get; } = new(RunOptionCatalog.Mount.Cli, "-m") { Description = RunOptionCatalog.Mount.Description, HelpName = "SRC:DST[:ro]" };

    public Option<int?> LogLevel { get; } = new(RunOptionCatalog.LogLevel.Cli) { Description = RunOptionCatalog.LogLevel.Description, HelpName = "N" };

    public Option<bool> Commit { get; } = new(RunOptionCatalog.Commit.Cli) { Description = RunOptionCatalog.Commit.Description };

    public AnsibleOptionSet Ansible { get; } = new();

    private static bool IsNumber(System.CommandLine.Parsing.OptionResult result) =>
        result.Tokens.Count == 0 || int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _);

    public void AddTo(Command command)
    {
        MaxParallel.Validators.Add(result =>
        {
            // A value that is not a number is System.CommandLine's own parse error; reading it here would throw.
            if (IsNumber(result) && result.GetValueOrDefault<int>() is var value and < 1)
            {
                result.AddError($"'{value}' is not a valid value of '{RunOptionCatalog.MaxParallel.Cli}': expected a whole number, 1 or more");
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
