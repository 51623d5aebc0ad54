using System.CommandLine;
using System.Text.RegularExpressions;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Loading;
using Polycrate.Build.Secrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace init</c>: a new workspace that loads as it is (the 2025 tool wrote one that failed validation).</summary>
internal sealed partial class WorkspaceInitCommand : Command
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
            var root = cli.WorkspaceDirectory(parse);
            var file = Path.Combine(root, WorkspaceLoader.WorkspaceFileName);
            if (File.Exists(file))
            {
                await cli.Stderr.WriteLineAsync($"error: {file} already exists; nothing was changed");
                return 2;
            }

            var name = parse.GetValue(_name) ?? Sanitize(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
            var organization = parse.GetValue(_organization)!;
            foreach (var (option, value) in new[] { ("--name", name), ("--organization", organization) })
            {
                if (!Names.IsValidName(value))
                {
                    await cli.Stderr.WriteLineAsync($"error: {option} '{value}' is not a valid name: use {Names.NameRule}");
                    return 2;
                }
            }

            var image = parse.GetValue(_image)!;
            if (image.Length == 0 || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\''))
            {
                await cli.Stderr.WriteLineAsync($"error: --image '{image}' is not an image reference (e.g. {ToolchainImage}). Run 'polycrate-build workspace init --help' for usage.");
                return 2;
            }

            Directory.CreateDirectory(Path.Combine(root, "blocks"));
            Directory.CreateDirectory(Path.Combine(root, "artifacts", "secrets"));
            var content = $"""
                # Polycrate workspace; the format is described in the polycrate-build README ("Workspace format").
                name: {name}
                organization: {organization}

                config:
                  container:
                    # Every action runs in this image. {ToolchainImage} is built by eng/build-toolchain-image.sh.
                    image: {image}

                # A block: blocks/<name>/block.poly with its actions; run one with 'polycrate-build run <block> <action>'.
                blocks: []

                workflows: []

                """;
            await File.WriteAllTextAsync(file, content, token);
            await cli.Stderr.WriteLineAsync($"created {file}");
            if (parse.GetValue(_sshKeys))
            {
                var key = Path.Combine(root, "artifacts", "secrets", "id_ed25519");
                await SshKeyPairWriter.WriteAsync(key, $"polycrate@{name}", token);
                await cli.Stderr.WriteLineAsync($"created {key} (0600) and {key}.pub; encrypt it with 'polycrate-build workspace encrypt'");
            }
            return 0;
        }, ct));
    }

    private static string Sanitize(string directoryName)
    {
        var cleaned = InvalidCharacters().Replace(directoryName, "-").Trim('-', '.', '_');
        return cleaned.Length == 0 ? "workspace" : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex InvalidCharacters();
}
