using Cake.Core;
using Cake.Core.Annotations;
using Cake.Polycrate.Internal;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Cake.Polycrate;

/// <summary>Registers one Cake task per workflow, step and action of a workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycrateTasksAliases
{
    /// <summary>
    /// Loads the workspace and registers a task per target of its graph, named and wired as the MSBuild SDK does
    /// (<see cref="FrontEndTargets"/>): workflow <c>nightly-maintenance</c>, step <c>nightly-maintenance__backup</c>,
    /// action <c>edge-ota_ota-update</c>, image <c>PolycrateImage</c>. Dependencies come from the target graph.
    /// Pass the script's <c>Task</c> method: Cake's script host is the only thing that can register tasks.
    /// Returns the names of the registered tasks.
    /// </summary>
    /// <example><code>
    /// PolycrateRegisterTasks(Task, new PolycrateTasksSettings { Force = true });
    /// RunTarget(Argument("target", "nightly-maintenance"));
    /// </code></example>
    /// <exception cref="CakeException">The workspace is invalid, or two targets would get the same task name.</exception>
    [CakeMethodAlias]
    [CakeNamespaceImport("Polycrate.Build.Execution")]
    [CakeNamespaceImport("Polycrate.Build.Execution.ImageBuild")]
    public static IReadOnlyList<string> PolycrateRegisterTasks(this ICakeContext context, Func<string, CakeTaskBuilder> task,
        PolycrateTasksSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(task);
        // A copy: the tasks share one set of load warnings already logged, and never the script's mutable settings.
        var actual = (settings ?? new PolycrateTasksSettings()).CopyTo(new PolycrateTasksSettings());
        actual.LoadWarningsShown = new(StringComparer.Ordinal);
        var targets = LoadTargets(context, actual);
        foreach (var target in targets)
        {
            var builder = task(target.Name)
                .Description(target.Target.Description ?? target.Target.Id)
                .IsDependentOn(target.DependsOn);
            var graphTarget = target.Target;
            if (graphTarget.Kind == TargetKind.Image)
            {
                // Host runs need no image (the runner skips it too).
                builder.WithCriteria(actual.Runtime == RuntimeKind.Container, "runtime host: no toolchain image");
            }

            builder.Does(ctx => Run(ctx, graphTarget, actual));
        }

        return targets.Select(t => t.Name).ToList();
    }

    private static List<FrontEndTarget> LoadTargets(ICakeContext context, PolycrateTasksSettings settings)
    {
        var engine = new CakeEngineAdapter(context, settings);
        var list = engine.Invoke((facade, token) => facade.FrontEndTargetsAsync(engine.Workspace, new HashSet<string>(StringComparer.OrdinalIgnoreCase), token)).Value;
        if (list.Problems.Count > 0)
        {
            var problems = new WorkspaceException(list.Problems);
            throw new CakeException(problems.ExitCode, $"{problems.Code}: {DiagnosticCatalog.ForFrontEnd(problems.Message, FrontEnd.Cake)}", problems);
        }

        return [.. list.Targets];
    }

    private static void Run(ICakeContext context, Target target, PolycrateTasksSettings settings)
    {
        switch (target.Kind)
        {
            case TargetKind.Image:
                context.PolycrateBuildImage(settings.CopyTo(new PolycrateBuildImageSettings()));
                break;
            case TargetKind.Action:
                context.PolycrateRun(target.Block!, target.Action!, settings.CopyTo(new PolycrateRunSettings()));
                break;
            case TargetKind.Step:
                var step = settings.CopyTo(new PolycrateWorkflowSettings());
                step.Step = target.Step;
                step.StepTarget = true;
                context.PolycrateWorkflow(target.Workflow!, step);
                break;
            case TargetKind.Workflow:
                context.PolycrateWorkflow(target.Workflow!, settings.CopyTo(new PolycrateWorkflowSettings()));
                break;
            case TargetKind.BlockInstall:
                context.PolycratePullBlock(target.Reference!, settings.CopyTo(new PolycratePullBlockSettings()));
                break;
            default:
                throw new CakeException($"Polycrate: no task action for target '{target.Id}' ({target.Kind})");
        }
    }
}
