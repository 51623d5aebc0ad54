using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Graph;

public enum TargetKind
{
    /// <summary>Build Dockerfile.poly or make sure the toolchain image is present; the only incremental target.</summary>
    Image,

    /// <summary>Pull a missing pinned block from its registry.</summary>
    BlockInstall,

    /// <summary>Run one action of one block.</summary>
    Action,

    /// <summary>Run one workflow step (an action, with the step's policy).</summary>
    Step,

    /// <summary>A workflow: succeeds when its steps did; runs nothing itself.</summary>
    Workflow,
}

/// <summary>
/// Anything runnable, as a build target with dependencies. Ids are stable and readable:
/// <c>image</c>, <c>block:&lt;name&gt;:install</c>, <c>action:&lt;block&gt;:&lt;action&gt;</c>,
/// <c>workflow:&lt;name&gt;</c>, <c>step:&lt;workflow&gt;:&lt;step&gt;</c>.
/// </summary>
public sealed record Target
{
    public required string Id { get; init; }

    public required TargetKind Kind { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>For action and step targets: what to run.</summary>
    public string? Block { get; init; }

    public string? Action { get; init; }

    /// <summary>For step and workflow targets.</summary>
    public string? Workflow { get; init; }

    public string? Step { get; init; }

    /// <summary>For block-install targets: the reference to pull.</summary>
    public string? Reference { get; init; }

    /// <summary>A failure is recorded but does not fail the run or stop later targets.</summary>
    public bool AllowFailure { get; init; }

    public RunCondition When { get; init; } = RunCondition.OnSuccess;

    /// <summary>Where the target is defined, for diagnostics in IDEs and CI annotations.</summary>
    public SourceLocation? Location { get; init; }

    public static string ImageId => "image";

    public static string ActionId(string block, string action) => $"action:{block}:{action}";

    public static string WorkflowId(string workflow) => $"workflow:{workflow}";

    public static string StepId(string workflow, string step) => $"step:{workflow}:{step}";

    public static string InstallId(string block) => $"block:{block}:install";

    public override string ToString() => Id;
}
