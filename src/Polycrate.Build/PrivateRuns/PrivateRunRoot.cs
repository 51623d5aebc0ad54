using System.Text;

namespace Polycrate.Build.PrivateRuns;

/// <summary>
/// The per-user folder that holds every private run directory: <c>&lt;temp&gt;/polycrate-build-&lt;user&gt;</c>, mode
/// 0700. Per user, so a second user on the machine can neither read our runs nor block us by creating the folder
/// first; a folder that is a symbolic link or that we cannot make 0700 (someone else's) is refused.
/// </summary>
internal static class PrivateRunRoot
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The path (not created).</summary>
    public static string Path => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "polycrate-build-" + SafeUserName());

    /// <summary>Creates the root if needed and checks it is a private directory of ours; returns its path.</summary>
    /// <exception cref="PrivateDirectoryException">PCB3070 when the folder is a link or not ours.</exception>
    public static string Ensure()
    {
        var root = Path;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            return root;
        }

        Directory.CreateDirectory(root, OwnerOnly);
        var info = new DirectoryInfo(root);
        if (info.LinkTarget is not null)
        {
            throw new PrivateDirectoryException($"{root} is a symbolic link; private run directories must not be redirected",
                $"remove it ('rm {root}') and run again");
        }

        if (info.UnixFileMode != OwnerOnly)
        {
            try
            {
                // Only the owner can change the mode: this fails for a folder another user created.
                File.SetUnixFileMode(root, OwnerOnly);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new PrivateDirectoryException($"{root} belongs to another user and cannot be made private (mode 0700)",
                    $"remove it as its owner or root ('rm -r {root}'), or set TMPDIR to a folder of your own", ex);
            }
        }

        return root;
    }

    /// <summary>Creates a new, empty private directory (0700) below the root for one run or temporary file set.</summary>
    public static string CreateDirectory(string name)
    {
        var path = System.IO.Path.Combine(Ensure(), name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }

        return path;
    }

    private static string SafeUserName()
    {
        var builder = new StringBuilder();
        foreach (var c in Environment.UserName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.Length == 0 ? "user" : builder.ToString();
    }
}
