using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Warm Ansible start in a shared container (docs/execution.md, "Warm Ansible start"): a step that runs
/// <c>ansible-playbook</c> runs a small Python client instead, which hands its stdin/stdout/stderr, argv, environment,
/// working directory and umask to a zygote process that imported Ansible once; the zygote forks the step's process from
/// that state. The zygote of a working directory is started by the first step there, with that step's environment, and
/// serves only steps whose inputs to Ansible's import are the same (the environment variables the import read, the
/// config file Ansible finds, the collection paths, user and interpreter); every other step — and every step when the
/// image has no <c>python3</c>, the script is not a plain Python script, or the import printed anything — runs
/// <c>ansible-playbook</c> itself, exactly as without warm start. Root containers only (the zygote's directory is a
/// 0700 directory of the container's private directory, mounted at <see cref="ContainerDirectory"/>).
/// </summary>
internal static class WarmStart
{
    /// <summary>Where the zygotes' sockets and source appear in the container.</summary>
    public const string ContainerDirectory = "/run/polycrate/warm";

    /// <summary>Name of the directory below the shared container's private directory (never cleared between steps).</summary>
    public const string DirectoryName = "warm";

    /// <summary>
    /// Runs the client when the image has <c>python3</c> (isolated, no site: the client imports only the standard
    /// library); otherwise the step's command itself. Arguments: the client's source ($0), the directory, the idle token, the command.
    /// </summary>
    private const string LaunchScript = "if command -v python3 >/dev/null 2>&1; then exec python3 -I -S -c \"$0\" \"$@\"; fi; shift 2; exec \"$@\"";

    private static readonly string ClientSource = Read("Polycrate.Build.polycrate_warm_client.py");

    private static readonly string ZygoteSource = Read("Polycrate.Build.polycrate_warm_zygote.py");

    private static readonly string PreloadSource = Read("Polycrate.Build.polycrate_warm_preload.py");

    /// <summary>Whether <paramref name="command"/> can start warm: a playbook action (<see cref="ActionCommand"/>).</summary>
    public static bool Applies(IReadOnlyList<string> command) => command is ["ansible-playbook", ..];

    /// <summary>The step's command through the client; the zygote marks itself with <paramref name="idleToken"/> for the leftover check.</summary>
    public static IReadOnlyList<string> Wrap(string idleToken, IReadOnlyList<string> command) =>
        ["sh", "-c", LaunchScript, ClientSource, ContainerDirectory, idleToken, .. command];

    /// <summary>Creates the host side of <see cref="ContainerDirectory"/> (0700) below <paramref name="containerDirectory"/>, with the zygote's source (zygote.py, preload.py).</summary>
    public static async Task<string> CreateDirectoryAsync(string containerDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(containerDirectory, DirectoryName);
        PrivateDirectory.Create(containerDirectory, directory);
        await WriteAsync(Path.Combine(directory, "zygote.py"), ZygoteSource, cancellationToken);
        await WriteAsync(Path.Combine(directory, "preload.py"), PreloadSource, cancellationToken);
        return directory;
    }

    private static async Task WriteAsync(string path, string source, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(source), cancellationToken);
    }

    /// <summary>How many steps the zygotes of the shared container directory <paramref name="containerDirectory"/> have started (one byte each).</summary>
    public static long Served(string containerDirectory)
    {
        var directory = Path.Combine(containerDirectory, DirectoryName);
        return System.IO.Directory.Exists(directory)
            ? new DirectoryInfo(directory).EnumerateFiles("served-*").Sum(f => f.Length)
            : 0;
    }

    private static string Read(string name)
    {
        using var stream = typeof(WarmStart).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
