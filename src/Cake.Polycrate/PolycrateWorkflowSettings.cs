namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycrateWorkflowAliases.PolycrateWorkflow"/>.</summary>
public sealed class PolycrateWorkflowSettings : PolycrateSettings
{
    /// <summary>Run only this step of the workflow (like <c>workflows run NAME --step STEP</c>).</summary>
    public string? Step { get; set; }

    /// <summary>Set for registered step tasks: the step keeps its allow_failure, so dependent step tasks run on as in a workflow run.</summary>
    internal bool StepTarget { get; set; }
}
