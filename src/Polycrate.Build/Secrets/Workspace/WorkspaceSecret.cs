namespace Polycrate.Build.Secrets.Workspace;

/// <summary>
/// One secret under <c>artifacts/secrets/</c>: <see cref="Name"/> is its path below that folder with '/'
/// separators and without <c>.age</c> (<c>kubeconfig.yml</c>, <c>my-block/token</c>).
/// </summary>
public sealed record WorkspaceSecret(string Name, string PlaintextPath)
{
    public const string Extension = ".age";

    public string CiphertextPath => PlaintextPath + Extension;

    public bool HasPlaintext => File.Exists(PlaintextPath);

    public bool HasCiphertext => File.Exists(CiphertextPath);
}
