using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>A secret with its state, as shown by <c>workspace status</c> and used by encrypt and decrypt.</summary>
internal sealed record SecretStatus(WorkspaceSecret Secret, SecretState State)
{
    /// <summary>
    /// Reads the state of every secret. Comparing a plaintext with its <c>.age</c> needs <paramref name="identities"/>;
    /// without them such a pair is <see cref="SecretState.Unverified"/>. A key that cannot open a file throws.
    /// </summary>
    public static async Task<IReadOnlyList<SecretStatus>> ReadAllAsync(Model.Workspace workspace, IReadOnlyList<IIdentity>? identities, CancellationToken ct)
    {
        var result = new List<SecretStatus>();
        foreach (var secret in SecretDiscovery.Discover(workspace))
        {
            result.Add(new SecretStatus(secret, await ReadAsync(secret, identities, ct)));
        }

        return result;
    }

    public static async Task<SecretState> ReadAsync(WorkspaceSecret secret, IReadOnlyList<IIdentity>? identities, CancellationToken ct) =>
        (secret.HasPlaintext, secret.HasCiphertext) switch
        {
            (true, true) when secret.IsPlaceholder => SecretState.Placeholder,
            (true, false) => SecretState.PlaintextOnly,
            (false, _) => SecretState.EncryptedOnly,
            _ when identities is null => SecretState.Unverified,
            _ => await SecretComparer.MatchesAsync(secret.CiphertextPath, secret.PlaintextPath, identities, ct) ? SecretState.Encrypted : SecretState.OutOfDate,
        };

    /// <summary>The state as written in status output: <c>encrypted</c>, <c>encrypted-only</c>, <c>plaintext-only</c>, <c>out-of-date</c>, <c>placeholder</c>, <c>unverified</c>.</summary>
    public static string Label(SecretState state) => state switch
    {
        SecretState.Encrypted => "encrypted",
        SecretState.EncryptedOnly => "encrypted-only",
        SecretState.PlaintextOnly => "plaintext-only",
        SecretState.OutOfDate => "out-of-date",
        SecretState.Placeholder => "placeholder",
        _ => "unverified",
    };

    /// <summary>Status output: secret name → state and which files exist. Names and states only, never contents.</summary>
    public static ConfigMap ToConfigMap(IReadOnlyList<SecretStatus> statuses) =>
        new(statuses.Select(s => new KeyValuePair<string, ConfigValue>(s.Secret.Name, ConfigMap.Of(
            ("state", ConfigScalar.String(Label(s.State))),
            ("plaintext", ConfigScalar.Bool(s.Secret.HasPlaintext)),
            ("encrypted", ConfigScalar.Bool(s.Secret.HasCiphertext))))).ToList());
}
