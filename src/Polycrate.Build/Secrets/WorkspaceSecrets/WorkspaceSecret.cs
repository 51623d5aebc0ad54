namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// One secret under <c>artifacts/secrets/</c>: <see cref="Name"/> is its path below that folder with '/'
/// separators and without <c>.age</c> (<c>kubeconfig.yml</c>, <c>my-block/token</c>).
/// </summary>
internal sealed record WorkspaceSecret(string Name, string PlaintextPath)
{
    public const string Extension = ".age";

    public string CiphertextPath => PlaintextPath + Extension;

    public bool HasPlaintext => File.Exists(PlaintextPath);

    public bool HasCiphertext => File.Exists(CiphertextPath);

    /// <summary>
    /// An empty plaintext beside a non-empty <c>.age</c>: what the container engine leaves when a run that mounted the
    /// decrypted secret there was killed. Never treated as the secret's value (see docs/security.md).
    /// </summary>
    public bool IsPlaceholder =>
        new FileInfo(PlaintextPath) is { Exists: true, Length: 0 } && new FileInfo(CiphertextPath) is { Exists: true, Length: > 0 };
}
