namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>How <c>workspace encrypt</c> runs.</summary>
/// <param name="Identity">The user's key: verifies new files and compares existing pairs; optional when a recipients file exists.</param>
/// <param name="RecipientsFile">Recipients file instead of <c>.age-recipients</c> at the workspace root.</param>
/// <param name="KeepPlaintext">Keep plaintext files after a verified encryption (by default they are removed).</param>
public sealed record WorkspaceEncryptOptions(IdentitySource Identity, string? RecipientsFile = null, bool KeepPlaintext = false);
