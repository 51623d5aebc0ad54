using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace init</c>: a new workspace that loads as it is (the 2025 tool wrote one that failed validation).</summary>
internal sealed class WorkspaceInitCommand : Command
{
    private readonly Option<string?> _name = new("--name", "--with-name") { Description = "Workspace name. Default: the directory name." };
    private readonly Option<bool> _sshKeys = new("--with-ssh-keys")
    {
        Description = "Also create an ed25519 SSH key pair at artifacts/secrets/id_ed25519 (private key 0600) and id_ed25519.pub.",
    };
    private readonly Option<string> _organization = new("--organization")
    {
        Description = "Organization name.",
        DefaultValueFactory = _ => "my-organization",
    };

    private readonly Option<string> _image = new("--image")
    {
        Description = "Toolchain image the actions run in (config.container.image). Default: " + ToolchainImage
            + ", built by eng/build-toolchain-image.sh; Polycrate's own image works too (cargo.ayedo.cloud/library/polycrate:VERSION).",
        DefaultValueFactory = _ => ToolchainImage,
        HelpName = "IMAGE",
    };

    /// <summary>The toolchain image README documents (Ansible, collections, kubectl, jq …), as in the samples.</summary>
    public const string ToolchainImage = "polycrate-toolchain:bookworm-2";

    public WorkspaceInitCommand(CliContext cli)
        : base("init", "Create workspace.poly (name, organization, the toolchain image), blocks/ and artifacts/secrets/ in the workspace directory (-w); "
            + "--with-ssh-keys adds an SSH key pair.")
    {
        Options.Add(_name);
        Options.Add(_organization);
        Options.Add(_image);
        Options.Add(_sshKeys);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var result = await cli.CreateEngine(loggers).InitWorkspaceAsync(new WorkspaceInitOptions(cli.WorkspaceDirectory(parse), parse.GetValue(_image)!)
            {
                Name = parse.GetValue(_name),
                Organization = parse.GetValue(_organization)!,
                SshKeys = parse.GetValue(_sshKeys),
            }, token);
            if (result.Problem is { } problem)
            {
                await cli.Stderr.WriteLineAsync("error: " + problem.Input switch
                {
                    WorkspaceInitInput.WorkspaceFile => $"{problem.Value} already exists; nothing was changed",
                    WorkspaceInitInput.Image =>
                        $"--image '{problem.Value}' is not an image reference (e.g. {ToolchainImage}). Run 'polycrate-build workspace init --help' for usage.",
                    _ => $"{(problem.Input == WorkspaceInitInput.Name ? "--name" : "--organization")} '{problem.Value}' is not a valid name: use {problem.Rule}",
                });
                return 2;
            }

            await cli.Stderr.WriteLineAsync($"created {result.WorkspaceFile}");
            if (result.SshKeyFile is { } key)
            {
                await cli.Stderr.WriteLineAsync($"created {key} (0600) and {key}.pub; encrypt it with 'polycrate-build workspace encrypt'");
            }
            return 0;
        }, ct));
    }
}
