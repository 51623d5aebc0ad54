namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// One recipient stanza of an age header: "-> type args…" plus a body. The first argument is the type
/// (e.g. "X25519", "scrypt"); identities look only at stanzas of their own type.
/// </summary>
internal sealed record AgeStanza(IReadOnlyList<string> Arguments, byte[] Body)
{
    public string Type => Arguments[0];
}
