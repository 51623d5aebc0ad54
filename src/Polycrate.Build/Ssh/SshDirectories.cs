namespace Polycrate.Build.Ssh;

/// <summary>
/// Private (0700) directories of the SSH shortcut: one per user for ControlMaster sockets (kept, so later sessions
/// reuse the connection), and one per session for the key copy (removed afterwards).
/// </summary>
internal static class SshDirectories
{
    /// <summary><c>$XDG_RUNTIME_DIR/polycrate-build/ssh</c>, else <c>/tmp/polycrate-build-USER/ssh</c> (short: socket paths are limited to ~100 bytes).</summary>
    /// <exception cref="SshException">The directory exists with permissions others can use.</exception>
    public static string Control(Func<string, string?> getVariable)
    {
        var runtime = getVariable("XDG_RUNTIME_DIR");
        var root = !string.IsNullOrEmpty(runtime) && Directory.Exists(runtime)
            ? Path.Combine(runtime, "polycrate-build")
            : Path.Combine(Path.GetTempPath(), "polycrate-build-" + Environment.UserName);
        Private(root);
        return Private(Path.Combine(root, "ssh"));
    }

    public static string Session() => Private(Path.Combine(Path.GetTempPath(), "polycrate-build-ssh-" + Guid.NewGuid().ToString("N")));

    private static string Private(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = Directory.CreateDirectory(path, owner);
        if ((directory.UnixFileMode & ~owner) != 0)
        {
            throw new SshException($"{path} is accessible to other users (mode {Convert.ToString((int)directory.UnixFileMode, 8)})", SshException.InventoryCode,
                $"remove it or run 'chmod 700 {path}'");
        }

        return path;
    }
}
