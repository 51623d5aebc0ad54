using Polycrate.Build.Limits;

namespace Polycrate.Build.Loading;

/// <summary>
/// Bounds on the work one workspace or block file can cause, so a hostile or broken file ends in an error at its
/// position instead of exhausting memory or the stack. Defaults are far above what real workspaces use; each can
/// be changed with an environment variable (docs/limits.md). Environment variables rather than workspace settings,
/// because the limits guard the reading of workspace.poly itself.
/// </summary>
internal sealed record InputLimits
{
    public const string FileBytesVariable = "POLYCRATE_MAX_POLY_FILE_BYTES";
    public const string YamlDepthVariable = "POLYCRATE_MAX_YAML_DEPTH";
    public const string YamlNodesVariable = "POLYCRATE_MAX_YAML_NODES";

    /// <summary>The defaults, without looking at the environment.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Largest workspace.poly / block.poly read, in bytes (default 4 MiB).</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists in one YAML file (default 100 levels).</summary>
    public int MaxYamlDepth { get; init; } = 100;

    /// <summary>Most values (mappings, lists, scalars and keys) one YAML file may stand for once its aliases are expanded (default 500,000).</summary>
    public long MaxYamlNodes { get; init; } = 500_000;

    /// <summary>The defaults with every limit the environment sets (<see cref="LimitVariables"/>, the one mechanism for all limits).</summary>
    /// <exception cref="InvalidLimitException">A variable is set to something that is not a positive whole number (PCB7001).</exception>
    public static InputLimits FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new InputLimits
        {
            MaxFileBytes = LimitVariables.Count(getVariable, FileBytesVariable, Default.MaxFileBytes),
            MaxYamlDepth = (int)Math.Min(int.MaxValue, LimitVariables.Count(getVariable, YamlDepthVariable, Default.MaxYamlDepth)),
            MaxYamlNodes = LimitVariables.Count(getVariable, YamlNodesVariable, Default.MaxYamlNodes),
        };
    }
}
