using System.Text;

namespace Polycrate.Build.Limits;

/// <summary>
/// Reads a text file the user or a repository controls (workspace.poly, block.poly, blocks.lock, run logs) safely: only
/// a regular file (after resolving symlinks), only up to a size limit. A symlink to <c>/dev/zero</c> or a FIFO is never
/// opened: both report size 0, and opening a FIFO blocks until a writer appears (uninterruptibly, so SIGTERM would not
/// end the process). The read itself is bounded too, in case the file grows between the check and the read.
/// </summary>
public static class RegularFileReader
{
    /// <summary>
    /// The file's text (UTF-8, a byte-order mark is honoured), or why it was not read. Never throws for the file's kind,
    /// size or an I/O error; <paramref name="limitVariable"/> is named in the hint of a file above <paramref name="maxBytes"/>.
    /// </summary>
    public static RegularFileText Read(string path, long maxBytes, string limitVariable)
    {
        FileSystemInfo target;
        try
        {
            var info = new FileInfo(path);
            target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }
        catch (IOException ex)
        {
            return RegularFileText.Refused($"cannot resolve the symlink: {ex.Message}", "point the link at a regular file, or replace it with one");
        }

        if (target is not FileInfo { Exists: true } file)
        {
            return RegularFileText.Refused("not a regular file" + (target.FullName == path ? string.Empty : $" (it links to {target.FullName})"),
                "replace it with a regular file");
        }

        if (file.Length == 0)
        {
            return RegularFileText.Refused(
                "the file has size 0: it is empty, or not a regular file (a FIFO or a device such as /dev/zero), which is never read",
                "write the content into a regular file, or delete the file");
        }

        if (file.Length > maxBytes)
        {
            return TooLarge(file.Length, maxBytes, limitVariable);
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            if (!stream.CanSeek)
            {
                return RegularFileText.Refused("not a regular file", "replace it with a regular file");
            }

            using var memory = new MemoryStream((int)file.Length);
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (memory.Length + read > maxBytes)
                {
                    return TooLarge(memory.Length + read, maxBytes, limitVariable);
                }

                memory.Write(chunk, 0, read);
            }

            memory.Position = 0;
            using var reader = new StreamReader(memory, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new RegularFileText(reader.ReadToEnd(), null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return RegularFileText.Refused($"cannot read the file: {ex.Message}", "check that the file exists and is readable");
        }
    }

    private static RegularFileText TooLarge(long size, long maxBytes, string limitVariable) =>
        RegularFileText.Refused($"the file is larger than the limit of {maxBytes} bytes ({size} bytes or more)",
            $"split or shorten the file, or raise the limit with {limitVariable} (docs/limits.md)");
}

/// <summary>The outcome of <see cref="RegularFileReader.Read"/>: <see cref="Text"/>, or a <see cref="Problem"/> with a <see cref="Hint"/>.</summary>
public sealed record RegularFileText(string? Text, string? Problem, string? Hint)
{
    public static RegularFileText Refused(string problem, string hint) => new(null, problem, hint);
}
