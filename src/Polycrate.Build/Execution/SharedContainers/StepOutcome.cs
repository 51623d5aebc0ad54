namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// How a step's exec in a shared container ended: whether the step ran at all (false: earlier steps left traces, the
/// leftover check stopped it before its command), its exit code, and whether the container may serve another step.
/// </summary>
internal sealed record StepOutcome(bool Ran, int ExitCode, bool Reusable);
