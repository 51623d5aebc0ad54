using Polycrate.Build.Model;

namespace Polycrate.Build.CiExport;

/// <summary>
/// One CI job: one workflow step in one workspace. <see cref="Needs"/> are job names: the step's dependencies in the
/// target graph, whose state (artifacts) the job restores.
/// </summary>
internal sealed record CiJob
{
    /// <summary>The step name, or <c>&lt;workspace&gt;:&lt;step&gt;</c> with several workspaces.</summary>
    public required string Name { get; init; }

    public required string Step { get; init; }

    public required CiWorkspace Workspace { get; init; }

    public required IReadOnlyList<string> Needs { get; init; }

    public RunCondition When { get; init; } = RunCondition.OnSuccess;

    public bool AllowFailure { get; init; }

    public string? Description { get; init; }
}
