using Polycrate.Build.Model;

namespace Polycrate.Build.CiExport;

/// <summary>
/// Writes the jobs as a GitHub Actions workflow: one job per step with <c>needs:</c>, <c>if: failure()</c> /
/// <c>always()</c> and <c>continue-on-error</c>; each job checks out, downloads the state artifacts of the jobs it
/// needs, runs its step and uploads its state and logs (also when it failed). Secrets are mapped from
/// <c>secrets.*</c> into the environment by name.
/// </summary>
internal static class GitHubActionsWriter
{
    public const string CheckoutAction = "actions/checkout@v4";
    public const string UploadAction = "actions/upload-artifact@v4";
    public const string DownloadAction = "actions/download-artifact@v4";
    public const string SetupDotnetAction = "actions/setup-dotnet@v4";

    public static string Write(IReadOnlyList<CiJob> jobs, IReadOnlyList<CiWorkspace> workspaces, CiExportOptions options)
    {
        var ids = JobIds(jobs);
        var variables = CiSecretVariables.For(workspaces);
        var root = CiYaml.Map(
            ("name", CiYaml.Str($"polycrate {options.Workflow}")),
            ("on", CiYaml.Map(("workflow_dispatch", CiYaml.Map()))),
            ("env", CiYaml.Map([.. variables.Select(v => (v.Name, (CiYaml?)CiYaml.Str($"${{{{ secrets.{v.Name} }}}}")))])),
            ("jobs", CiYaml.Map([.. jobs.Select(job => (ids[job.Name], (CiYaml?)Job(job, ids, options)))])));
        var header = CiPipelineHeader.Lines(options, workspaces, "repository or environment secrets");
        return CiYaml.Write(root, header);
    }

    /// <summary>The name of the artifact holding a job's state.</summary>
    public static string ArtifactName(string jobId) => "polycrate-" + jobId;

    private static CiYamlMap Job(CiJob job, Dictionary<string, string> ids, CiExportOptions options)
    {
        var workspaceDir = job.Workspace.Directory;
        var steps = new List<CiYaml> { CiYaml.Map(("uses", CiYaml.Str(CheckoutAction))) };
        steps.AddRange(job.Needs.Select(need => (CiYaml)CiYaml.Map(
            ("name", CiYaml.Str($"restore the state {need} left")),
            ("uses", CiYaml.Str(DownloadAction)),
            ("with", CiYaml.Map(("name", CiYaml.Str(ArtifactName(ids[need]))), ("path", CiYaml.Str(workspaceDir)))))));
        if (options.Command is null)
        {
            steps.Add(SetupDotnet(options));
        }

        steps.AddRange(CiJobScript.Setup(options, sdkInstalledByStep: true).Select(line => (CiYaml)CiYaml.Map(("run", CiYaml.Str(line)))));
        steps.Add(CiYaml.Map(("name", CiYaml.Str(job.Step)), ("run", CiYaml.Str(CiJobScript.Run(job, options)))));
        steps.Add(CiYaml.Map(
            ("name", CiYaml.Str("upload state, run logs and JUnit")),
            ("if", CiYaml.Str("always()")),
            ("uses", CiYaml.Str(UploadAction)),
            ("with", CiYaml.Map(
                ("name", CiYaml.Str(ArtifactName(ids[job.Name]))),
                ("path", CiYaml.Block(UploadPaths(job.Workspace))),
                ("include-hidden-files", CiYaml.Bool(true)),
                ("if-no-files-found", CiYaml.Str("ignore"))))));

        return CiYaml.Map(
            ("name", CiYaml.Str(job.Name)),
            ("runs-on", CiYaml.Str(options.RunsOn)),
            ("container", options.Image is null ? null : CiYaml.Str(options.Image)),
            ("needs", job.Needs.Count == 0 ? null : CiYaml.Seq(job.Needs.Select(n => ids[n]))),
            ("if", job.When switch
            {
                RunCondition.OnFailure => CiYaml.Str("failure()"),
                RunCondition.Always => CiYaml.Str("always()"),
                _ => null,
            }),
            ("continue-on-error", job.AllowFailure ? CiYaml.Bool(true) : null),
            ("steps", CiYaml.Seq(steps)));
    }

    /// <summary>
    /// The SDK <c>dotnet tool restore</c> needs (a fresh runner or a toolchain container may have none or an older one),
    /// plus the one the repository's <c>global.json</c> pins, which <c>dotnet</c> then selects.
    /// </summary>
    private static CiYamlMap SetupDotnet(CiExportOptions options) =>
        CiYaml.Map(
            ("name", CiYaml.Str("install the .NET SDK")),
            ("uses", CiYaml.Str(SetupDotnetAction)),
            ("with", CiYaml.Map(
                ("dotnet-version", CiYaml.Str(CiJobScript.DotnetChannel + ".x")),
                ("global-json-file", File.Exists(Path.Combine(options.ProjectRoot, "global.json")) ? CiYaml.Str("global.json") : null))));

    /// <summary>
    /// upload-artifact patterns are applied in order (a later match wins), so the secrets directory is excluded and
    /// its <c>*.age</c> files are included again.
    /// </summary>
    private static IEnumerable<string> UploadPaths(CiWorkspace workspace) =>
        [.. CiJobScript.StatePaths(workspace), "!" + CiJobScript.SecretsDirectory(workspace) + "**", CiJobScript.SecretsDirectory(workspace) + "**/*.age"];

    /// <summary>GitHub job ids allow letters, digits, '-' and '_' and start with a letter or '_'.</summary>
    private static Dictionary<string, string> JobIds(IReadOnlyList<CiJob> jobs)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in jobs)
        {
            var id = new string(job.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
            id = char.IsAsciiLetter(id[0]) || id[0] == '_' ? id : "_" + id;
            if (!used.TryAdd(id, job.Name))
            {
                throw new CiExportException(CiExportException.NameClashCode,
                    $"jobs '{used[id]}' and '{job.Name}' would both have the GitHub job id '{id}'; rename one of the steps or workspace directories");
            }

            ids[job.Name] = id;
        }

        return ids;
    }
}
