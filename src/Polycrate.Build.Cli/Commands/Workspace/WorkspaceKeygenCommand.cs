using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace keygen</c>: a new age identity (stdout or --out FILE) and its public recipient (stderr).</summary>
internal sealed class WorkspaceKeygenCommand : Command
{
    private readonly Option<string?> _out = new("--out")
    {
        Description = "Write the identity to FILE (mode 0600; an existing file is not overwritten) instead of stdout.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _appendRecipient = new("--append-recipient")
    {
        Description = $"Add the public key to {PolycrateNames.RecipientsFile} at the workspace root (created if missing).",
    };

    private readonly Option<string> _comment = new("--comment")
    {
        Description = "Comment line above the public key in the recipients file, e.g. the person's name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    public WorkspaceKeygenCommand(CliContext cli)
        : base("keygen", "Generate an age key for WORKSPACE_ENCRYPTION_KEY: the identity goes to stdout (or --out), the public key to stderr.")
    {
        Options.Add(_out);
        Options.Add(_appendRecipient);
        Options.Add(_comment);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var engine = cli.CreateEngine(loggers);
            var key = await engine.GenerateKeyAsync(parse.GetValue(_out) is { } file ? Path.GetFullPath(file) : null, token);
            if (key.IdentityFile is not null)
            {
                await cli.Stderr.WriteLineAsync($"wrote the identity to {key.IdentityFile} (mode 0600)");
            }
            else
            {
                await cli.Stdout.WriteAsync(key.IdentityText);
            }

            await cli.Stderr.WriteLineAsync($"public key: {key.Recipient}");
            await cli.Stderr.WriteLineAsync(
                "warning: the identity (AGE-SECRET-KEY-…) is the private key: store it safely (e.g. a password manager), never commit it; "
                + $"use it as {IdentitySource.EnvironmentVariable} or with --identity FILE. Lost keys cannot be recovered.");
            if (parse.GetValue(_appendRecipient))
            {
                var added = await engine.AddRecipientAsync(cli.WorkspaceDirectory(parse), key.Recipient, parse.GetValue(_comment)!, token);
                await cli.Stderr.WriteLineAsync(added.Created
                    ? $"created {added.RecipientsFile} with the public key; commit it"
                    : $"added the public key to {added.RecipientsFile}; someone with an existing key runs 'polycrate-build workspace rekey' so the new key can decrypt");
            }

            return 0;
        }, ct));
    }
}
