using System.Runtime.InteropServices;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Writes a few bytes to file descriptor 1 and nothing else, for the bare <c>version</c>. Console's stream first sets up
/// the terminal (terminfo, a signal handling thread, Console.Out), a sixth of that command's CPU time (bench/ startup).
/// The write goes through the runtime's own native write function, the one Console's stream calls: it is linked into
/// the native executable (no library lookup at run time, which through a libc P/Invoke cost as much as the console
/// set-up) and found beside the runtime by the portable build. Errors behave as with Console: a closed pipe (EPIPE) drops
/// the output; anything else, or the function not being found, hands the rest to Console's stream.
/// </summary>
internal static class RawStdout
{
    private const int StdoutFd = 1;
    private const int Eintr = 4;
    private const int Epipe = 32;

    public static void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                var written = NativeMethods.Write(StdoutFd, ref MemoryMarshal.GetReference(bytes), bytes.Length);
                if (written >= 0)
                {
                    bytes = bytes[written..];
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Epipe)
                {
                    return;
                }

                if (errno != Eintr)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        if (!bytes.IsEmpty)
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
        }
    }

    private static class NativeMethods
    {
        /// <summary><c>int32_t SystemNative_Write(intptr_t fd, const void* buffer, int32_t size)</c>: -1 and errno on failure (EINTR retried inside).</summary>
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Write", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Write(nint fd, ref byte buffer, int size);
    }
}
