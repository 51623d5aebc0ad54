using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace encrypt</c>: artifacts/secrets/** to *.age, verified, plaintext removed, .gitignore updated.</summary>
internal sealed class WorkspaceEncryptCommand : Command
{
    private readonly Option<string?> _identity = SecretsOptions.Identity();
    private readonly Option<string?> _recipients = SecretsOptions.Recipients();
    private readonly Option<bool> _keepPlaintext = new("--keep-plaintext")
    {
        Description = "Keep the plaintext files after encrypting (by default they are removed once the .age file is verified).",
    };

    public WorkspaceEncryptCommand(CliContext cli)
        : base("encrypt", "Encrypt every file under artifacts/secrets/ to <file>.age (safe to commit), verify it, remove the plaintext and list it in .gitignore.")
    {
        Options.Add(_identity);
        Options.Add(_recipients);
        Options.Add(_keepPlaintext);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var options = new WorkspaceEncryptOptions(SecretsOptions.Key(parse, _identity), parse.GetValue(_recipients), parse.GetValue(_keepPlaintext));
            var result = (await cli.CreateEngine(loggers).EncryptSecretsAsync(cli.WorkspaceRequest(parse), options, token)).Value;
            var removed = result.Changes.Count(c => c.PlaintextRemoved);
            await cli.Stderr.WriteLineAsync(
                $"encrypted {result.Count(SecretChangeKind.Encrypted)} secret(s), {result.Count(SecretChangeKind.Unchanged)} unchanged; "
                + $"removed {removed} verified plaintext file(s){(result.GitIgnoreUpdated ? "; updated .gitignore" : "")}");
            if (result.RecipientsFile is null && result.Changes.Count > 0)
            {
                await cli.Stderr.WriteLineAsync(
                    $"encrypted to your key only. To let teammates decrypt, list their 'age1…' keys (and yours) in {PolycrateNames.RecipientsFile} at the workspace root, then run 'polycrate-build workspace rekey'.");
            }

            return 0;
        }, ct));
    }
}
