using System.Reflection;
using Polycrate.Build.Execution;
using Xunit.Sdk;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// The two ways a run puts its steps into containers: shared (the default: steps with the same container settings run
/// as execs in one container per run) and isolated (<c>--isolate-steps</c>: a container per step). Run tests take it as
/// a theory parameter (<see cref="BothStepContainersAttribute"/>) to prove a step sees exactly the same in both.
/// </summary>
public enum StepContainers
{
    Shared,
    Isolated,
}

/// <summary>Supplies <see cref="StepContainers.Shared"/> and <see cref="StepContainers.Isolated"/> (and any fixed leading arguments).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BothStepContainersAttribute(params object[] leading) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[.. leading, StepContainers.Shared], [.. leading, StepContainers.Isolated]];
}

public static class StepContainersExtensions
{
    /// <summary>The CLI arguments for <paramref name="mode"/>: <c>--isolate-steps</c> added to commands that run something.</summary>
    public static string[] Apply(this StepContainers mode, string[] args)
    {
        var runs = args.Length > 0 && (args[0] == "run" || (args.Length > 1 && args[0] is "workflows" or "actions" && args[1] == "run"));
        return mode == StepContainers.Isolated && runs ? [.. args, "--isolate-steps"] : args;
    }

    /// <summary>The engine API options for <paramref name="mode"/>.</summary>
    public static RunOptions Apply(this StepContainers mode, RunOptions options) => options with { IsolateSteps = mode == StepContainers.Isolated };
}
