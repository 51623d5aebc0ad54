using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace status</c>: the state of each secret (names and states only, never contents).</summary>
internal sealed class WorkspaceStatusCommand : Command
{
    private readonly Option<string?> _identity = SecretsOptions.Identity();

    public WorkspaceStatusCommand(CliContext cli)
        : base("status", "Show each secret under artifacts/secrets/: encrypted, encrypted-only, plaintext-only, out-of-date, placeholder (an empty plaintext beside a non-empty .age, left by a killed run), or unverified (no key to compare).")
    {
        Options.Add(_identity);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var status = (await cli.CreateEngine(loggers).SecretsStatusAsync(cli.WorkspaceRequest(parse), SecretsOptions.Key(parse, _identity), token)).Value;
            await cli.WriteDataAsync(parse, status.Data);
            var unprotected = status.Unprotected;
            if (unprotected > 0)
            {
                await cli.Stderr.WriteLineAsync($"{unprotected} secret(s) are not encrypted in their current form; run 'polycrate-build workspace encrypt'");
            }

            return 0;
        }, ct));
    }
}
