using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>A named graph of steps; without <c>needs:</c> steps run in list order.</summary>
public sealed record Workflow
{
    /// <summary><c>name:</c>, unique in the workspace (Polycrate reference §8).</summary>
    public required string Name { get; init; }

    /// <summary><c>description:</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Workflow-level default for its steps (the 2025 format).</summary>
    public bool AllowFailure { get; init; }

    /// <summary><c>prompt.message</c>: a yes/no question asked before the workflow runs (default no); <c>--force</c> answers yes.</summary>
    public string? Prompt { get; init; }

    /// <summary><c>labels:</c> (key → value), informational.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The steps in list order; setting them (also through <c>with</c>) rebuilds the name and position index, so
    /// <see cref="FindStep"/> and <see cref="DependenciesOf"/> cost the same for the 5th and the 5,000th step.
    /// </summary>
    public required IReadOnlyList<WorkflowStep> Steps
    {
        get => _steps;
        init
        {
            _steps = value;
            _byName = new Dictionary<string, WorkflowStep>(value.Count, StringComparer.Ordinal);
            _position = new Dictionary<WorkflowStep, int>(value.Count, ReferenceEqualityComparer.Instance);
            var index = 0;
            foreach (var step in value)
            {
                _byName.TryAdd(step.Name, step);
                _position.TryAdd(step, index++);
            }
        }
    }

    private readonly IReadOnlyList<WorkflowStep> _steps = [];
    private readonly Dictionary<string, WorkflowStep> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<WorkflowStep, int> _position = new(ReferenceEqualityComparer.Instance);

    /// <summary>Where the workflow is defined (its entry in workspace.poly).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The first step of that name (the parser refuses duplicates).</summary>
    public WorkflowStep? FindStep(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The steps <paramref name="step"/> waits for: its <c>needs:</c>, or else the step before it.</summary>
    public IReadOnlyList<string> DependenciesOf(WorkflowStep step)
    {
        if (step.Needs is not null)
        {
            return step.Needs;
        }

        return _position.TryGetValue(step, out var index) && index > 0 ? [_steps[index - 1].Name] : [];
    }
}

/// <summary>One step: run <see cref="Action"/> of <see cref="Block"/>.</summary>
public sealed record WorkflowStep
{
    /// <summary><c>name:</c>, unique in the workflow.</summary>
    public required string Name { get; init; }

    /// <summary><c>block:</c>, the name of a block of the workspace.</summary>
    public required string Block { get; init; }

    /// <summary><c>action:</c>, the name of an action of <see cref="Block"/>.</summary>
    public required string Action { get; init; }

    /// <summary>Position of the <c>block:</c> value, for errors about the reference.</summary>
    public SourceLocation? BlockLocation { get; init; }

    /// <summary>Position of the <c>action:</c> value.</summary>
    public SourceLocation? ActionLocation { get; init; }

    /// <summary><c>description:</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Step-level value (newer format); null means "the workflow's value".</summary>
    public bool? AllowFailure { get; init; }

    /// <summary>Steps this one waits for; null means "the previous step" (Polycrate's sequential meaning).</summary>
    public IReadOnlyList<string>? Needs { get; init; }

    /// <summary><c>when:</c> (<c>on_success</c>, <c>on_failure</c>, <c>always</c>); beyond Polycrate, which runs steps strictly in order.</summary>
    public RunCondition When { get; init; } = RunCondition.OnSuccess;

    /// <summary><c>prompt.message</c>: a yes/no question asked before the step runs; <c>--force</c> answers yes.</summary>
    public string? Prompt { get; init; }

    /// <summary><c>labels:</c> (key → value), informational.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the step is defined (its entry under <c>steps:</c>).</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>When a target runs, judged once the targets it depends on have finished.</summary>
public enum RunCondition
{
    /// <summary>Only while nothing in the run has failed (the default).</summary>
    OnSuccess,

    /// <summary>Only when something in the run has failed: rollback steps.</summary>
    OnFailure,

    /// <summary>Whatever happened before: cleanup steps.</summary>
    Always,
}
