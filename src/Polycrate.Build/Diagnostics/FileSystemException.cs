using System.Text.RegularExpressions;

namespace Polycrate.Build.Diagnostics;

/// <summary>
/// A file-system failure (disk full, a file in the way, a path too long, no permission) with a PCB code, the path when
/// .NET named one, and what to do, instead of a bare .NET message. <see cref="From"/> maps the raw exception; the CLI's
/// top-level handler and the engine where such failures arise (block installs, lock files) use it.
/// </summary>
public sealed partial class FileSystemException : PolycrateException
{
    private const int ENOSPC = 28;
    private const int EEXIST = 17;
    private const int EDQUOT = 122;
    private const int EROFS = 30;

    private FileSystemException(string code, string message, Exception inner)
        : base(message, inner)
    {
        Code = code;
    }

    /// <inheritdoc/>
    public override string Code { get; }

    /// <summary>Maps an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>; <paramref name="doing"/> says what was being done ("installing block X").</summary>
    public static FileSystemException From(Exception exception, string? doing = null)
    {
        var raw = exception.Message.TrimEnd('.');
        var where = doing is null ? string.Empty : $" while {doing}";
        var path = PathIn(exception.Message);
        var at = path is null ? string.Empty : $" ({path})";
        var errno = exception.HResult & 0xFFFF;
        if (exception is PathTooLongException || raw.Contains("too long", StringComparison.OrdinalIgnoreCase))
        {
            return new(DiagnosticCodes.PathTooLong, $"A path is too long for the file system{where}{at}: {raw}. Linux allows 4096 bytes per path and "
                + "255 per file or folder name: move the workspace to a shorter path or use shorter block, repository and file names.", exception);
        }

        if (exception is UnauthorizedAccessException)
        {
            return new(DiagnosticCodes.PermissionDenied, $"Permission denied{where}{at}: {raw}. Check the owner and mode of the file or folder "
                + "('ls -ld'); a workspace touched by 'sudo' or a container running as root may need 'sudo chown -R $USER' on it.", exception);
        }

        if (errno is ENOSPC or EDQUOT || raw.Contains("No space left", StringComparison.OrdinalIgnoreCase) || raw.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            return new(DiagnosticCodes.DiskFull, $"The disk is full{where}{at}: {raw}. Free space on that file system ('df -h'; old run logs, "
                + "'docker system prune', stale /tmp/polycrate-build directories) and retry; nothing was half-written where this tool could avoid it.", exception);
        }

        if (errno == EEXIST || raw.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            return new(DiagnosticCodes.PathInTheWay, $"A file or folder is in the way{where}{at}: {raw}. Move or remove it, or check whether another "
                + "process writes to the same workspace at the same time.", exception);
        }

        if (errno == EROFS || raw.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
        {
            return new(DiagnosticCodes.PermissionDenied, $"The file system is read-only{where}{at}: {raw}. Use a writable workspace (or mount it read-write).", exception);
        }

        return new(DiagnosticCodes.FileOperationFailed, $"A file operation failed{where}{at}: {raw}. Check that the path exists, is on a healthy, "
            + "writable file system and is not used by another program.", exception);
    }

    /// <summary>.NET quotes the path in most file-system messages: 'path'.</summary>
    private static string? PathIn(string message) => QuotedPath().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("'(/[^']*)'")]
    private static partial Regex QuotedPath();
}
