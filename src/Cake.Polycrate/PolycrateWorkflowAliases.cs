using Cake.Core;
using Cake.Core.Annotations;
using Cake.Polycrate.Internal;
using Polycrate.Build.Runs;

namespace Cake.Polycrate;

/// <summary>Runs a workflow of a Polycrate workspace.</summary>
[CakeAliasCategory("Polycrate")]
public static class PolycrateWorkflowAliases
{
    /// <summary>
    /// Runs <paramref name="workflow"/> in the engine's scheduler (<c>needs:</c>, <c>when:</c>, <c>allow_failure</c>),
    /// like <c>polycrate-build workflows run NAME</c>; with <see cref="PolycrateWorkflowSettings.Step"/>, that step alone.
    /// </summary>
    /// <example><code>PolycrateWorkflow("nightly-maintenance", new PolycrateWorkflowSettings { JUnitPath = "artifacts/junit.xml" });</code></example>
    /// <exception cref="CakeException">The workspace is invalid or a step failed.</exception>
    [CakeMethodAlias]
    public static void PolycrateWorkflow(this ICakeContext context, string workflow, PolycrateWorkflowSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actual = settings ?? new PolycrateWorkflowSettings();
        var step = string.IsNullOrWhiteSpace(actual.Step) ? null : actual.Step;
        new CakeEngineAdapter(context, actual).Run(new WorkflowRunRequest(workflow, step) { StepTarget = step is not null && actual.StepTarget });
    }
}
