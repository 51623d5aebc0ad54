namespace Polycrate.Build.Transactions;

/// <summary>Writes the text of a run log file: the one I/O step of <see cref="RunLogStore"/> a test can make fail (disk full).</summary>
internal interface ILogFileWriter
{
    Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken);
}

/// <summary>The real file system.</summary>
internal sealed class FileSystemLogFileWriter : ILogFileWriter
{
    public static FileSystemLogFileWriter Instance { get; } = new();

    public Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, text, cancellationToken);
}
