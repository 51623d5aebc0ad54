using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>An identity file in age-keygen's format (usable with <c>--identity</c> and with <c>age -i</c>).</summary>
internal static class IdentityFile
{
    /// <summary>The file text. Secret: it contains the private key.</summary>
    public static string Render(X25519Identity identity, DateTimeOffset created) =>
        $"# created: {created.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n# public key: {identity.Recipient}\n{identity.ToSecretString()}\n";

    /// <summary>Writes a new file readable only by the owner (0600); an existing file is never overwritten.</summary>
    public static async Task WriteAsync(string path, X25519Identity identity, DateTimeOffset created, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using var stream = new FileStream(path, options);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(Render(identity, created).AsMemory(), ct);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new WorkspaceSecretsException(SecretsErrorKind.FileExists,
                $"{path} already exists and was not changed; choose another file for --out, or delete it if the key in it is no longer needed.");
        }
    }
}
