using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Polycrate.Internal;
using Polycrate.Build.CiExport;

namespace Cake.Polycrate;

/// <summary>Writes a workflow as a CI pipeline (GitLab CI or GitHub Actions).</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycrateExportPipelineAliases
{
    /// <summary>
    /// The pipeline of <see cref="PolycrateExportPipelineSettings.Workflow"/>: one job per step running
    /// <c>workflows run NAME --step STEP</c>, state as job artifacts, secrets from CI variables (docs/ci-pipelines.md).
    /// Written to <see cref="PolycrateExportPipelineSettings.OutputFile"/> when set; the text is returned either way.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">Workflow, format, output file and job options.</param>
    /// <example><code>PolycrateExportPipeline(new PolycrateExportPipelineSettings { Workflow = "nightly-maintenance", OutputFile = "child.yml" });</code></example>
    /// <exception cref="CakeException">The workspace does not load, the workflow does not exist, or the options are invalid (PCB2101–PCB2104).</exception>
    [CakeMethodAlias]
    [CakeNamespaceImport("Polycrate.Build.CiExport")]
    [CakeNamespaceImport("Polycrate.Build.Execution")]
    public static string PolycrateExportPipeline(this ICakeContext context, PolycrateExportPipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Workflow, nameof(settings.Workflow));
        var workspaceSettings = new PolycrateSettings { WorkspaceDirectory = settings.WorkspaceDirectory, Strict = settings.Strict };
        var options = new CiExportOptions
        {
            Workflow = settings.Workflow,
            Format = settings.Format,
            ProjectRoot = (settings.ProjectRoot ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath,
            Command = settings.Command,
            Image = settings.Image,
            Runtime = settings.JobRuntime,
            Force = settings.Force,
            RunsOn = settings.RunsOn,
        };
        var adapter = new CakeEngineAdapter(context, workspaceSettings);
        var text = adapter.Invoke((engine, token) => engine.ExportPipelineAsync(adapter.Workspace, options, settings.Workspaces, token)).Value;
        if (settings.OutputFile is { } output)
        {
            var path = output.MakeAbsolute(context.Environment).FullPath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            context.Log.Information("Polycrate: wrote the {0} pipeline of workflow {1} to {2}", CiFormatNames.Name(settings.Format), settings.Workflow, path);
        }

        return text;
    }
}
