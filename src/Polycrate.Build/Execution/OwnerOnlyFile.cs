namespace Polycrate.Build.Execution;

/// <summary>
/// Creates a new file only its owner can read (0600), for content that may be secret (snapshots, extra vars, key
/// copies). Fails when the file exists (<see cref="FileMode.CreateNew"/>), so a file planted beforehand is never reused.
/// </summary>
internal static class OwnerOnlyFile
{
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>Creates the file and lets <paramref name="write"/> fill it (e.g. a <see cref="Serialization.YamlText"/> part by part).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await write(stream, cancellationToken);
    }

    public static Task WriteAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAsync(path, System.Text.Encoding.UTF8.GetBytes(content), cancellationToken);
}
