using Polycrate.Build.Model;

namespace Polycrate.Build.CiExport;

/// <summary>
/// Writes the jobs as a <c>.gitlab-ci.yml</c>. <c>on_success</c> jobs form a DAG with <c>needs:</c>, so independent
/// branches start as soon as runners are free. <c>on_failure</c>/<c>always</c> jobs go into a later stage without
/// <c>needs:</c> (their artifacts come through <c>dependencies:</c>): GitLab then judges them by every job of the
/// earlier stages, so a failure two steps up — whose direct successor was skipped, not failed — still triggers a
/// rollback. State travels as job artifacts, JUnit as a test report; CI/CD variables reach jobs as environment
/// variables, so secrets need no wiring in the file.
/// </summary>
internal static class GitLabCiWriter
{
    public const string FirstStage = "polycrate";

    public static string Write(IReadOnlyList<CiJob> jobs, IReadOnlyList<CiWorkspace> workspaces, CiExportOptions options)
    {
        var stages = Stages(jobs);
        var entries = new List<(string, CiYaml?)>
        {
            ("stages", CiYaml.Seq(Enumerable.Range(0, stages.Values.DefaultIfEmpty(0).Max() + 1).Select(StageName))),
            ("default", options.Image is null ? null : CiYaml.Map(("image", CiYaml.Str(options.Image)))),
        };
        entries.AddRange(jobs.Select(job => (job.Name, (CiYaml?)Job(job, StageName(stages[job.Name]), options))));
        var header = CiPipelineHeader.Lines(options, workspaces, "Settings > CI/CD > Variables, masked and protected");
        return CiYaml.Write(CiYaml.Map([.. entries]), header);
    }

    /// <summary>Stage 0 is <c>polycrate</c>, then <c>polycrate-2</c>, <c>polycrate-3</c> …</summary>
    public static string StageName(int index) => index == 0 ? FirstStage : $"{FirstStage}-{index + 1}";

    /// <summary>A job's stage: that of its latest dependency, one more for on_failure/always jobs (jobs come dependencies first).</summary>
    private static Dictionary<string, int> Stages(IReadOnlyList<CiJob> jobs)
    {
        var stages = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = jobs.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.First(j => j.Needs.All(stages.ContainsKey));
            stages[ready.Name] = ready.Needs.Select(n => stages[n]).DefaultIfEmpty(0).Max() + (ready.When == RunCondition.OnSuccess ? 0 : 1);
            pending.Remove(ready);
        }

        return stages;
    }

    private static CiYamlMap Job(CiJob job, string stage, CiExportOptions options)
    {
        var conditional = job.When != RunCondition.OnSuccess;
        return CiYaml.Map(
            ("stage", CiYaml.Str(stage)),
            ("needs", conditional ? null : CiYaml.Seq(job.Needs)),
            ("dependencies", conditional ? CiYaml.Seq(job.Needs) : null),
            ("when", job.When switch
            {
                RunCondition.OnFailure => CiYaml.Str("on_failure"),
                RunCondition.Always => CiYaml.Str("always"),
                _ => null,
            }),
            ("allow_failure", job.AllowFailure ? CiYaml.Bool(true) : null),
            ("script", CiYaml.Seq([.. CiJobScript.Setup(options, sdkInstalledByStep: false), CiJobScript.Run(job, options)])),
            ("artifacts", CiYaml.Map(
                ("when", CiYaml.Str("always")),
                ("paths", CiYaml.Seq(CiJobScript.StatePaths(job.Workspace))),
                ("exclude", CiYaml.Seq(CiJobScript.SecretExcludes(job.Workspace))),
                ("reports", CiYaml.Map(("junit", CiYaml.Str(CiJobScript.JUnitPath(job))))))));
    }
}
