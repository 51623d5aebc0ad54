using System.Runtime.InteropServices;
using System.Text;

namespace Polycrate.Build.Execution.Cleanup;

/// <summary>
/// Who owns a file, on Linux: .NET has no API for a file's owner, and clean-up in shared folders (<c>/tmp</c>) must
/// never remove another user's entry — not even an empty folder, which the owner of the parent could remove. Uses
/// <c>statx(2)</c> (Linux 4.11, glibc 2.28), whose buffer layout is the same on every architecture.
/// </summary>
internal static class UnixFileOwner
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxUid = 0x8;
    private const int UidOffset = 20;

    /// <summary>The effective user id of this process, or null off Linux (or without glibc).</summary>
    public static uint? CurrentUserId
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            try
            {
                return NativeMethods.geteuid();
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>The owner's user id of <paramref name="path"/> itself (a symlink is not followed), or null when unknown.</summary>
    public static uint? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var name = Encoding.UTF8.GetBytes(path + '\0');
        var buffer = new byte[256];
        try
        {
            return NativeMethods.statx(AtFdCwd, ref name[0], AtSymlinkNoFollow, StatxUid, ref buffer[0]) == 0
                ? MemoryMarshal.Read<uint>(buffer.AsSpan(UidOffset)) // native byte order
                : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True only when <paramref name="path"/> is known to belong to this process's user.</summary>
    public static bool IsOurs(string path) => CurrentUserId is { } us && Of(path) == us;

    private static class NativeMethods
    {
        /// <summary>glibc by its file name, which native AOT resolves as well as the JIT runtime (musl: not found, then owners are unknown and nothing is removed).</summary>
        private const string Libc = "libc.so.6";

        [DllImport(Libc, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, ref byte pathname, int flags, uint mask, ref byte statxbuf);

        [DllImport(Libc)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint geteuid();
    }
}
