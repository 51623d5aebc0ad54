namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// File-level encryption and decryption that never leaves a partial result: output goes to a temporary
/// file beside the destination (mode 0600 on Unix) and is renamed into place only after the last chunk
/// was written (for decryption: authenticated). On any failure the temporary file is deleted and an
/// existing destination is left untouched.
/// </summary>
internal static class AgeFile
{
    public static Task EncryptToFileAsync(
        string sourcePath,
        string destinationPath,
        IReadOnlyList<IRecipient> recipients,
        AgeEncryptOptions options,
        CancellationToken ct) =>
        WriteAtomicallyAsync(sourcePath, destinationPath, (input, output) => AgeEncryptor.EncryptAsync(input, output, recipients, options, ct), ct);

    public static Task DecryptToFileAsync(
        string sourcePath,
        string destinationPath,
        IReadOnlyList<IIdentity> identities,
        CancellationToken ct) =>
        WriteAtomicallyAsync(sourcePath, destinationPath, (input, output) => AgeDecryptor.DecryptAsync(input, output, identities, sourcePath, ct), ct);

    private static async Task WriteAtomicallyAsync(string sourcePath, string destinationPath, Func<Stream, Stream, Task> transform, CancellationToken ct)
    {
        var fullDestination = Path.GetFullPath(destinationPath);
        var directory = Path.GetDirectoryName(fullDestination)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullDestination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var input = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
            await using (var output = new FileStream(temp, CreateOptions()))
            {
                await transform(input, output);
                await output.FlushAsync(ct);
            }

            File.Move(temp, fullDestination, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
