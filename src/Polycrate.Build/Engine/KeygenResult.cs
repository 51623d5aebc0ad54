namespace Polycrate.Build.Engine;

/// <summary><c>workspace keygen</c>: a new age identity (X25519) and its public key.</summary>
/// <param name="Recipient">The public key, <c>age1…</c>; safe to show and to commit.</param>
/// <param name="IdentityText">
/// The identity file text (<c># created</c>, <c># public key</c>, <c>AGE-SECRET-KEY-1…</c>) when no file was asked for; a
/// secret: only for the user's own terminal, never a log. Null when written to <paramref name="IdentityFile"/>.
/// </param>
/// <param name="IdentityFile">Absolute path of the identity file (mode 0600), when one was asked for.</param>
public sealed record KeygenResult(string Recipient, string? IdentityText, string? IdentityFile);
