using Polycrate.Build.Model;

namespace Polycrate.Build.Engine;

/// <summary><c>workspace status</c>: the state of every secret (names and states only, never contents).</summary>
/// <param name="Data">
/// <c>secrets_directory</c> (relative to the root), <c>recipients_file</c>, <c>key</c> (which identity, with its public
/// key; "(none)" without one) and <c>secrets</c> (name → encrypted | encrypted-only | plaintext-only | out-of-date | unverified).
/// </param>
/// <param name="Unprotected">How many secrets are not encrypted in their current form (plaintext-only or out-of-date).</param>
public sealed record SecretsStatusReport(ConfigMap Data, int Unprotected);
