namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// The process's stdout and stderr writers. Console's own writers pass every 256 characters to a write call of their
/// own: the 1.2 MB that <c>workspace inspect</c> prints for 1,000 blocks was about 5,000 system calls (bench/ inspect).
/// These buffer 8 KB and, like Console's, flush at the end of every write, so output appears exactly as promptly.
/// </summary>
internal static class ConsoleWriters
{
    private const int BufferChars = 8 * 1024;

    public static TextWriter Stdout() => Create(Console.OpenStandardOutput());

    public static TextWriter Stderr() => Create(Console.OpenStandardError());

    /// <summary>In Console's encoding (from the locale; UTF-8 without byte-order mark by default), thread-safe like Console's writers.</summary>
    private static TextWriter Create(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, Console.OutputEncoding, BufferChars, leaveOpen: false) { AutoFlush = true });
}
