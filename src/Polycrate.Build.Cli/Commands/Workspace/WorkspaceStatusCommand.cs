using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace status</c>: the state of each secret (names and states only, never contents).</summary>
internal sealed class WorkspaceStatusCommand : Command
{
    private readonly Option<string?> _identity = SecretsOptions.Identity();

    public WorkspaceStatusCommand(CliContext cli)
        : base("status", "Show each secret under artifacts/secrets/: encrypted, encrypted-only, plaintext-only, out-of-date, or unverified (no key to compare).")
    {
        Options.Add(_identity);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var identity = SecretsOptions.Key(parse, _identity);
            var identities = await identity.TryLoadAsync(token);
            var statuses = await SecretStatus.ReadAllAsync(workspace, identities, token);
            var recipients = RecipientsFile.DefaultPath(workspace.RootPath);
            await cli.WriteDataAsync(parse, ConfigMap.Of(
                ("secrets_directory", ConfigScalar.String(Path.GetRelativePath(workspace.RootPath, SecretDiscovery.SecretsDirectory(workspace)))),
                ("recipients_file", ConfigScalar.String(File.Exists(recipients) ? RecipientsFile.DefaultName : "(none: your own key)")),
                ("key", ConfigScalar.String(identities is null ? "(none)" : $"{identity.Description} ({identities[0].Recipient})")),
                ("secrets", SecretStatus.ToConfigMap(statuses))));
            var unprotected = statuses.Count(s => s.State is SecretState.PlaintextOnly or SecretState.OutOfDate);
            if (unprotected > 0)
            {
                await cli.Stderr.WriteLineAsync($"{unprotected} secret(s) are not encrypted in their current form; run 'polycrate-build workspace encrypt'");
            }

            return 0;
        }, ct));
    }
}
