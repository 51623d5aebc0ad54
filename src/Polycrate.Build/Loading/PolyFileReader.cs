using System.Text;
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
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
            if (!stream.CanSeek)
            {
                diagnostics.Error(DiagnosticCodes.FileNotReadable, "not a regular file", location, "replace it with a regular file");
                return null;
            }

            using var memory = new MemoryStream((int)file.Length);
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (memory.Length + read > limits.MaxFileBytes)
                {
                    ReportTooLarge(path, memory.Length + read, limits, diagnostics);
                    return null;
                }

                memory.Write(chunk, 0, read);
            }

            memory.Position = 0;
            using var reader = new StreamReader(memory, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable, $"cannot read the file: {ex.Message}", location, "check that the file exists and is readable");
            return null;
        }
    }

    private static void ReportTooLarge(string path, long size, InputLimits limits, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.FileNotReadable,
            $"the file is larger than the limit of {limits.MaxFileBytes} bytes ({size} bytes or more)", new SourceLocation(path, 0, 0),
            $"split the file, or raise the limit with {InputLimits.FileBytesVariable} (docs/limits.md)");
}
