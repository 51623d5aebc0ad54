using System.CommandLine;
using Polycrate.Build.Engine;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary>Options shared by the workspace encryption verbs; the key comes from --identity or WORKSPACE_ENCRYPTION_KEY.</summary>
internal static class SecretsOptions
{
    public static Option<string?> Identity() => new("--identity", "-i")
    {
        Description = $"Age identity file (age-keygen format). Default: the key in {IdentitySource.EnvironmentVariable}.",
        HelpName = "FILE",
    };

    public static Option<string?> Recipients() => new("--recipients")
    {
        Description = $"Recipients file (one 'age1…' per line). Default: {PolycrateNames.RecipientsFile} at the workspace root, else your own key.",
        HelpName = "FILE",
    };

    public static IdentitySource Key(ParseResult parse, Option<string?> identity) =>
        IdentitySource.From(parse.GetValue(identity), Environment.GetEnvironmentVariable);
}
