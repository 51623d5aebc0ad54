using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Loading;

/// <summary>
/// Reads workspace.poly / block.poly text safely: only regular files (after resolving symlinks) up to
/// <see cref="InputLimits.MaxFileBytes"/>. A symlink to <c>/dev/zero</c> or a FIFO is never opened: both report size
/// 0, and opening a FIFO blocks until a writer appears (uninterruptibly, so SIGTERM would not end the process).
/// The read itself is bounded too, in case the file grows between the check and the read.
/// </summary>
internal static class PolyFileReader
{
    /// <summary>The file's text, or null after reporting why it cannot be read (PCB1042 at the file).</summary>
    public static async Task<string?> ReadAsync(string path, InputLimits limits, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var location = new SourceLocation(path, 0, 0);
        FileSystemInfo target;
        try
        {
            var info = new FileInfo(path);
            target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable, $"cannot resolve the symlink: {ex.Message}", location, "point the link at a regular file, or replace it with one");
            return null;
        }

        if (target is not FileInfo { Exists: true } file)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable, "not a regular file" + (target.FullName == path ? string.Empty : $" (it links to {target.FullName})"),
                location, "replace it with a regular file");
            return null;
        }

        if (file.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable,
                "the file has size 0: it is empty, or not a regular file (a FIFO or a device such as /dev/zero), which is never read",
                location, "write the definition into a regular file");
            return null;
        }

        if (file.Length > limits.MaxFileBytes)
        {
            ReportTooLarge(path, file.Length, limits, diagnostics);
            return null;
        }

        try
        {
            // Unbuffered: the bytes go straight into one array sized for the file. A workspace load reads hundreds of
            // block files; an 80 KB copy buffer, a memory stream and a reader each were ~45 MB of garbage for 500 blocks.
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
            if (!stream.CanSeek)
            {
                diagnostics.Error(DiagnosticCodes.FileNotReadable, "not a regular file", location, "replace it with a regular file");
                return null;
            }

            var (bytes, length) = await ReadBoundedAsync(stream, file.Length, limits.MaxFileBytes, cancellationToken);
            if (bytes is null)
            {
                ReportTooLarge(path, length, limits, diagnostics);
                return null;
            }

            return TextDecoding.Decode(bytes.AsSpan(0, length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable, $"cannot read the file: {ex.Message}", location, "check that the file exists and is readable");
            return null;
        }
    }

    /// <summary>
    /// The whole file in one array (one byte more than expected, so a file that grew since its size was read shows
    /// it); bytes null when it holds more than <paramref name="limit"/> bytes, length then being how many were read.
    /// </summary>
    private static async Task<(byte[]? Bytes, int Length)> ReadBoundedAsync(Stream stream, long expected, long limit, CancellationToken cancellationToken)
    {
        var max = (int)Math.Min(limit, Array.MaxLength - 1);
        var buffer = new byte[(int)Math.Min(expected, max) + 1];
        var total = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return (buffer, total);
            }

            total += read;
            if (total == buffer.Length)
            {
                if (total > max)
                {
                    return (null, total);
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, max + 1L));
            }
        }
    }

    private static void ReportTooLarge(string path, long size, InputLimits limits, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.FileNotReadable,
            $"the file is larger than the limit of {limits.MaxFileBytes} bytes ({size} bytes or more)", new SourceLocation(path, 0, 0),
            $"split the file, or raise the limit with {InputLimits.FileBytesVariable} (docs/limits.md)");
}
