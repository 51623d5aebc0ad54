using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Ssh;

/// <summary>
/// A 0600 copy of the workspace SSH key in the session's private directory (ssh refuses keys others can read, and the
/// workspace file's mode is not ours to change). A key that exists only encrypted (<c>.age</c>) is decrypted with
/// <c>WORKSPACE_ENCRYPTION_KEY</c>.
/// </summary>
internal static class SshKeyCopy
{
    private static readonly string[] EncryptedKeyNames = ["id_ed25519.age", "id_rsa.age"];

    /// <summary>The copy's path, or null when the workspace has no key (or only an encrypted one and no identity).</summary>
    public static async Task<string?> CreateAsync(Model.Workspace workspace, string sessionDirectory, Func<string, string?> getVariable, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(sessionDirectory, "id");
        var key = Execution.Preparation.SshKeyLocator.Find(workspace);
        if (key is not null)
        {
            await using var source = File.OpenRead(key);
            await using var target = Create(copy);
            await source.CopyToAsync(target, cancellationToken);
            return copy;
        }

        var encrypted = EncryptedKeyNames
            .Select(n => Path.Combine(workspace.RootPath, workspace.Settings.ArtifactsRoot, "secrets", n))
            .FirstOrDefault(File.Exists);
        var identity = IdentitySource.From(null, getVariable);
        if (encrypted is null || !identity.IsConfigured)
        {
            return null;
        }

        var identities = await identity.TryLoadAsync(cancellationToken);
        if (identities is null)
        {
            return null;
        }

        await AgeFile.DecryptToFileAsync(encrypted, copy, identities, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return copy;
    }

    private static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
