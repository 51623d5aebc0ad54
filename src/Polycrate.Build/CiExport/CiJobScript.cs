using Polycrate.Build.Execution;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.CiExport;

/// <summary>
/// What a job runs and which files it hands on, the same for every CI system: <c>workflows run NAME --step STEP</c>
/// (that one step, without re-running the steps it needs), a JUnit report, and the workspace state later steps read.
/// </summary>
internal static class CiJobScript
{
    /// <summary>The .NET SDK channel the tool needs (it targets net10.0).</summary>
    public const string DotnetChannel = "10.0";

    /// <summary>
    /// Installs the .NET SDK into <c>$HOME/.dotnet</c> when the job's image has no <c>dotnet</c> (a toolchain image, a
    /// runner's default image), with Microsoft's documented install script; a no-op where the SDK is present.
    /// </summary>
    public static readonly string InstallDotnetIfMissing =
        "command -v dotnet >/dev/null 2>&1 || { curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh"
        + $" && bash /tmp/dotnet-install.sh --channel {DotnetChannel} --install-dir \"$HOME/.dotnet\" && export PATH=\"$HOME/.dotnet:$PATH\"; }}";

    /// <summary>
    /// Shell lines to run before the step: for the default command the .NET SDK (unless the CI system installs it with a
    /// step of its own, <paramref name="sdkInstalledByStep"/>) and <c>dotnet tool restore</c>; with <c>--command</c> none.
    /// </summary>
    public static IReadOnlyList<string> Setup(CiExportOptions options, bool sdkInstalledByStep) =>
        options.Command is not null ? []
        : sdkInstalledByStep ? ["dotnet tool restore"]
        : [InstallDotnetIfMissing, "dotnet tool restore"];

    /// <summary>The shell line that runs the job's step.</summary>
    public static string Run(CiJob job, CiExportOptions options)
    {
        var words = new List<string>();
        if (job.Workspace.Directory != ".")
        {
            words.AddRange(["-w", job.Workspace.Directory]);
        }

        words.AddRange(["workflows", "run", WorkflowOf(options), "--step", job.Step,
            "--runtime", options.EffectiveRuntime == RuntimeKind.Host ? "host" : "container", "--junit", JUnitPath(job)]);
        if (options.Force)
        {
            words.Add("--force");
        }

        return (options.Command ?? CiExportOptions.DefaultCommand) + " " + string.Join(' ', words.Select(ShellQuote));
    }

    /// <summary>The job's JUnit report, relative to the project root (inside the logs directory, so it travels with the run logs).</summary>
    public static string JUnitPath(CiJob job) =>
        job.Workspace.PathOf($"{job.Workspace.Workspace.Settings.LogsRoot}/junit/{job.Step}.xml");

    /// <summary>
    /// Paths (relative to the project root) a job uploads: the workspace file (so every upload has the workspace
    /// directory as its root), <c>artifacts/</c>, <c>blocks/</c> (pulled blocks), <c>blocks.lock</c> and the run logs.
    /// Plaintext under <c>artifacts/secrets/</c> is excluded by <see cref="SecretExcludes"/>; its <c>*.age</c> files travel.
    /// </summary>
    public static IReadOnlyList<string> StatePaths(CiWorkspace workspace)
    {
        var settings = workspace.Workspace.Settings;
        return
        [
            workspace.PathOf(Loading.WorkspaceLoader.WorkspaceFileName),
            workspace.PathOf(settings.ArtifactsRoot + "/"),
            workspace.PathOf(settings.BlocksRoot + "/"),
            workspace.PathOf(BlockLockFile.FileName),
            workspace.PathOf(settings.LogsRoot + "/"),
        ];
    }

    /// <summary>
    /// Glob patterns matching every file below <c>artifacts/secrets/</c> whose name does not end in <c>.age</c>
    /// (globs cannot negate, so: last character not 'e', or 'e' after not 'g', … plus the names shorter than ".age").
    /// A sub-folder whose name does not end in ".age" is excluded as a whole: plaintext never travels, while some
    /// nested <c>*.age</c> files may stay behind (they are committed to git anyway).
    /// </summary>
    public static IReadOnlyList<string> SecretExcludes(CiWorkspace workspace)
    {
        // Both forms: GitLab's doublestar lets "**/" match no folder, rsync (gitlab-ci-local) needs the form without it.
        var secrets = workspace.PathOf(workspace.Workspace.Settings.ArtifactsRoot + "/secrets/");
        return [.. NotAgeNames.Select(p => secrets + p), .. NotAgeNames.Select(p => secrets + "**/" + p)];
    }

    private static readonly string[] NotAgeNames = ["*[!e]", "*[!g]e", "*[!a]ge", "*[!.]age", "e", "ge", "age"];

    /// <summary>The whole secrets directory (for CI systems whose patterns re-include later matches).</summary>
    public static string SecretsDirectory(CiWorkspace workspace) =>
        workspace.PathOf(workspace.Workspace.Settings.ArtifactsRoot + "/secrets/");

    private static string WorkflowOf(CiExportOptions options) => options.Workflow;

    /// <summary>Single-quotes a word for POSIX shells unless it consists of safe characters only.</summary>
    public static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
