using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Graph;

/// <summary>What a <see cref="Target"/> does when it runs.</summary>
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
    /// <summary>The stable id (see the type's summary); unique in a graph, used in <see cref="DependsOn"/>.</summary>
    public required string Id { get; init; }

    /// <summary>What the target does.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>Ids of the targets that must finish first (workflow steps: the previous step or its <c>depends_on</c>).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>A line for target lists: the action's, step's or workflow's <c>description:</c>, else a generated one (<c>run BLOCK ACTION</c>).</summary>
    public string? Description { get; init; }

    /// <summary>For action and step targets: what to run.</summary>
    public string? Block { get; init; }

    /// <summary>For action and step targets: the action of <see cref="Block"/> to run.</summary>
    public string? Action { get; init; }

    /// <summary>For step and workflow targets.</summary>
    public string? Workflow { get; init; }

    /// <summary>For step targets: the step's name in <see cref="Workflow"/>.</summary>
    public string? Step { get; init; }

    /// <summary>For block-install targets: the reference to pull.</summary>
    public string? Reference { get; init; }

    /// <summary>A failure is recorded but does not fail the run or stop later targets.</summary>
    public bool AllowFailure { get; init; }

    /// <summary>A step's <c>when:</c> (an extension of Polycrate reference §8): after success (default), after a failure, or always.</summary>
    public RunCondition When { get; init; } = RunCondition.OnSuccess;

    /// <summary>Where the target is defined, for diagnostics in IDEs and CI annotations.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The id of the image target: <c>image</c>.</summary>
    public static string ImageId => "image";

    /// <summary><c>action:&lt;block&gt;:&lt;action&gt;</c>.</summary>
    public static string ActionId(string block, string action) => $"action:{block}:{action}";

    /// <summary><c>workflow:&lt;workflow&gt;</c>.</summary>
    public static string WorkflowId(string workflow) => $"workflow:{workflow}";

    /// <summary><c>step:&lt;workflow&gt;:&lt;step&gt;</c>.</summary>
    public static string StepId(string workflow, string step) => $"step:{workflow}:{step}";

    /// <summary><c>block:&lt;block&gt;:install</c>.</summary>
    public static string InstallId(string block) => $"block:{block}:install";

    /// <summary>The <see cref="Id"/>.</summary>
    public override string ToString() => Id;
}
