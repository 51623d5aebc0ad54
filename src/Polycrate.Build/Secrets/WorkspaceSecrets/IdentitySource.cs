using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// Where the age identity comes from: an identity file (<c>--identity FILE</c>, as written by age-keygen or
/// <c>workspace keygen</c>) wins over the <c>WORKSPACE_ENCRYPTION_KEY</c> value. The front end reads the
/// environment and passes the value in, so the engine never reads process state. A class, not a record:
/// the generated <c>ToString</c> of a record would print the key.
/// </summary>
public sealed class IdentitySource
{
    /// <summary>The environment variable front ends read the key from: an age identity, <c>AGE-SECRET-KEY-1…</c> (age spec, "X25519 recipient type").</summary>
    public const string EnvironmentVariable = "WORKSPACE_ENCRYPTION_KEY";

    internal const string NoKeyAdvice =
        $"set {EnvironmentVariable}=AGE-SECRET-KEY-… or pass --identity FILE; create one with 'polycrate-build workspace keygen'";

    private readonly string? _environmentKey;

    internal IdentitySource(string? identityFile, string? environmentKey)
    {
        IdentityFile = string.IsNullOrWhiteSpace(identityFile) ? null : Path.GetFullPath(identityFile);
        _environmentKey = string.IsNullOrWhiteSpace(environmentKey) ? null : environmentKey;
    }

    /// <summary>No key at all: decryption is impossible, encryption needs a recipients file.</summary>
    public static IdentitySource None { get; } = new(null, null);

    internal string? IdentityFile { get; }

    internal bool IsConfigured => IdentityFile is not null || _environmentKey is not null;

    /// <summary>Where the key comes from, for messages (never the key itself).</summary>
    public string Description => IdentityFile ?? (_environmentKey is not null ? EnvironmentVariable : "no key");

    /// <summary>Reads the environment through <paramref name="getVariable"/> (e.g. <c>Environment.GetEnvironmentVariable</c>).</summary>
    public static IdentitySource From(string? identityFile, Func<string, string?> getVariable) =>
        new(identityFile, getVariable(EnvironmentVariable));

    /// <summary>The identities, or null when none is configured. A configured but unreadable key throws.</summary>
    internal async Task<IReadOnlyList<X25519Identity>?> TryLoadAsync(CancellationToken ct)
    {
        if (IdentityFile is not null)
        {
            if (!File.Exists(IdentityFile))
            {
                throw new WorkspaceSecretsException(SecretsErrorKind.KeyFileMissing,
                    $"The identity file {IdentityFile} does not exist; pass an existing file to --identity, or create one with 'polycrate-build workspace keygen --out FILE'.");
            }

            return await AgeKeyFile.ReadIdentitiesAsync(IdentityFile, ct);
        }

        return _environmentKey is null ? null : AgeKeyFile.ParseIdentities(_environmentKey, EnvironmentVariable);
    }

    /// <summary>The identities; throws with the "how to get a key" advice when none is configured.</summary>
    internal async Task<IReadOnlyList<X25519Identity>> LoadAsync(string purpose, CancellationToken ct) =>
        await TryLoadAsync(ct)
        ?? throw new WorkspaceSecretsException(SecretsErrorKind.NoIdentity, $"No age key to {purpose}: {NoKeyAdvice}.");

    /// <summary><c>IdentitySource(&lt;file or variable name&gt;)</c>; never the key.</summary>
    public override string ToString() => $"IdentitySource({Description})";
}
