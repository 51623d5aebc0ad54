namespace Polycrate.Build.Limits;

/// <summary>
/// Reads a text file the user or a repository controls (workspace.poly, block.poly, blocks.lock, run logs) safely: only
/// a regular file (after resolving symlinks), only up to a size limit. A symlink to <c>/dev/zero</c> or a FIFO is never
/// opened: both report size 0, and opening a FIFO blocks until a writer appears (uninterruptibly, so SIGTERM would not
/// end the process). The read itself is bounded too, in case the file grows between the check and the read.
/// </summary>
internal static class RegularFileReader
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
            // Unbuffered: the bytes go straight into one array sized for the file. A workspace load reads hundreds of
            // block files; an 80 KB copy buffer, a memory stream and a reader each were ~45 MB of garbage for 500 blocks.
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return RegularFileText.Refused("not a regular file", "replace it with a regular file");
            }

            var (bytes, length) = ReadBounded(stream, file.Length, maxBytes);
            return bytes is null
                ? TooLarge(length, maxBytes, limitVariable)
                : new RegularFileText(TextDecoding.Decode(bytes.AsSpan(0, length)), null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return RegularFileText.Refused($"cannot read the file: {ex.Message}", "check that the file exists and is readable");
        }
    }

    /// <summary>
    /// The whole file in one array (one byte more than expected, so a file that grew since its size was read shows
    /// it); bytes null when it holds more than <paramref name="limit"/> bytes, length then being how many were read.
    /// </summary>
    private static (byte[]? Bytes, int Length) ReadBounded(Stream stream, long expected, long limit)
    {
        var max = (int)Math.Min(limit, Array.MaxLength - 1);
        var buffer = new byte[(int)Math.Min(expected, max) + 1];
        var total = 0;
        while (true)
        {
            var read = stream.Read(buffer.AsSpan(total));
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

                buffer = Grow(buffer, max);
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int max)
    {
        Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, max + 1L));
        return buffer;
    }

    private static RegularFileText TooLarge(long size, long maxBytes, string limitVariable) =>
        RegularFileText.Refused($"the file is larger than the limit of {maxBytes} bytes ({size} bytes or more)",
            $"split or shorten the file, or raise the limit with {limitVariable} (docs/limits.md)");
}

/// <summary>The outcome of <see cref="RegularFileReader.Read"/>: <see cref="Text"/>, or a <see cref="Problem"/> with a <see cref="Hint"/>.</summary>
internal sealed record RegularFileText(string? Text, string? Problem, string? Hint)
{
    public static RegularFileText Refused(string problem, string hint) => new(null, problem, hint);
}
