namespace Polycrate.Build.Events;

/// <summary>What a run is about, as events name it: the workspace, the transaction, and the block/action or workflow/step requested.</summary>
internal sealed record RunEventSubject
{
    public required string Workspace { get; init; }

    public required string TransactionId { get; init; }

    /// <summary>The command line (or task/alias call), extra-vars values already masked by the front end.</summary>
    public required string Command { get; init; }

    public string? Block { get; init; }

    public string? Action { get; init; }

    public string? Workflow { get; init; }

    public string? Step { get; init; }
}
