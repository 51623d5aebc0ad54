namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// The process's stdout and stderr writers. Console's own writers pass every 256 characters to a write call of their
/// own: the 1.2 MB that <c>workspace inspect</c> prints for 1,000 blocks was about 5,000 system calls (bench/ inspect).
/// These buffer more and, like Console's, flush at the end of every write, so output appears exactly as promptly. The
/// buffers stay small: each 4 KB page they touch is a page fault that every short command (<c>--help</c>) pays.
/// </summary>
internal static class ConsoleWriters
{
    /// <summary>Data (inspect, lists): 4,096 characters per write call (8 KB of characters, up to 12 KB of UTF-8).</summary>
    private const int StdoutChars = 4 * 1024;

    /// <summary>Messages: one diagnostic line (a few hundred characters) per write call.</summary>
    private const int StderrChars = 1024;

    public static TextWriter Stdout() => Create(Console.OpenStandardOutput(), StdoutChars);

    public static TextWriter Stderr() => Create(Console.OpenStandardError(), StderrChars);

    /// <summary>In Console's encoding (from the locale; UTF-8 without byte-order mark by default), thread-safe like Console's writers.</summary>
    private static TextWriter Create(Stream stream, int bufferChars) =>
        TextWriter.Synchronized(new StreamWriter(stream, Console.OutputEncoding, bufferChars, leaveOpen: false) { AutoFlush = true });
}
