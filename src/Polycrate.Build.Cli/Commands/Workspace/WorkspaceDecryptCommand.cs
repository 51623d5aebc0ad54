using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace decrypt</c>: *.age back to plaintext beside them (0600), never over an edited plaintext without --force.</summary>
internal sealed class WorkspaceDecryptCommand : Command
{
    private readonly Option<string?> _identity = SecretsOptions.Identity();
    private readonly Option<bool> _force = new("--force")
    {
        Description = "Overwrite plaintext files that differ from their .age file (their edits are lost).",
    };

    public WorkspaceDecryptCommand(CliContext cli)
        : base("decrypt", "Decrypt every artifacts/secrets/**/*.age file to its plaintext beside it (mode 0600).")
    {
        Options.Add(_identity);
        Options.Add(_force);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var result = (await cli.CreateEngine(loggers).DecryptSecretsAsync(cli.WorkspaceRequest(parse), SecretsOptions.Key(parse, _identity),
                parse.GetValue(_force), token)).Value;
            await cli.Stderr.WriteLineAsync(
                $"decrypted {result.Count(SecretChangeKind.Decrypted)} secret(s), {result.Count(SecretChangeKind.Unchanged)} unchanged"
                + (result.GitIgnoreUpdated ? "; updated .gitignore" : "")
                + ". The plaintext files are listed in .gitignore; run 'polycrate-build workspace encrypt' when you are done.");
            return 0;
        }, ct));
    }
}
