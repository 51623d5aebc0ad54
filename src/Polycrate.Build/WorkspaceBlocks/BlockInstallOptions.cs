namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>What to pull into a workspace: <c>blocks pull REF</c>, or a missing <c>from:</c> block of a run.</summary>
/// <param name="Reference"><c>host[:port]/path[:tag][@digest]</c>; no tag means <c>latest</c>.</param>
internal sealed record BlockInstallOptions(string Reference)
{
    /// <summary>Accept a tag that now points at other content than blocks.lock pins, and replace a block directory the lock does not know.</summary>
    public bool Update { get; init; }

    /// <summary>Registry (<c>host[:port][/prefix]</c>) for a reference without host; null: the workspace's <see cref="Model.Workspace.DefaultRegistry"/>.</summary>
    public string? DefaultRegistry { get; init; }
}
