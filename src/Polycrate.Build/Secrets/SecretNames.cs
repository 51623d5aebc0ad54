using System.Text.RegularExpressions;

namespace Polycrate.Build.Secrets;

/// <summary>
/// Decides which names hold secret values: environment variables and config keys whose names say so
/// (<c>API_KEY</c>, <c>db_password</c>, <c>token</c>…), plus keys listed explicitly under <c>secret_keys</c>.
/// Their values are replaced by <see cref="Mask"/> in snapshots on disk, logs and inspect output.
/// </summary>
internal static partial class SecretNames
{
    public const string Mask = "********";

    public static bool LooksSecret(string name) => SecretPattern().IsMatch(name) && !ReferencePattern().IsMatch(name) && !NotSecret.Contains(name);

    // Names that match the pattern but hold no secret: the list of secret key names itself, and Polycrate's key path settings.
    private static readonly HashSet<string> NotSecret = new(["secret_keys", "sshprivatekey", "sshpublickey"], StringComparer.OrdinalIgnoreCase);

    // Names that point at a file or describe a key rather than hold one stay visible (ANSIBLE_PRIVATE_KEY_FILE, ssh_key_path).
    // (^|_)PASS$ and _PWD$ cover SMTP_PASS, MYSQL_PWD; the shell's own PWD (the working directory) stays visible.
    [GeneratedRegex(@"(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|(^|_)PASS$|_PWD$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"(_FILE|_PATH|_DIR|_NAME|_ID)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();
}
