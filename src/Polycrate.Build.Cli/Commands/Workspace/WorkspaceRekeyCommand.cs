using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace rekey</c>: re-encrypt every *.age secret to the current recipients list.</summary>
internal sealed class WorkspaceRekeyCommand : Command
{
    private readonly Option<string?> _identity = SecretsOptions.Identity();
    private readonly Option<string?> _recipients = SecretsOptions.Recipients();

    public WorkspaceRekeyCommand(CliContext cli)
        : base("rekey", $"Re-encrypt every *.age secret to the recipients in {PolycrateNames.RecipientsFile} (after someone joined or left the team).")
    {
        Options.Add(_identity);
        Options.Add(_recipients);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var result = (await cli.CreateEngine(loggers).RekeySecretsAsync(cli.WorkspaceRequest(parse), SecretsOptions.Key(parse, _identity),
                parse.GetValue(_recipients), token)).Value;
            await cli.Stderr.WriteLineAsync(
                $"re-encrypted {result.Count(SecretChangeKind.Rekeyed)} secret(s) to {result.RecipientsFile ?? "your own key"}");
            return 0;
        }, ct));
    }
}
