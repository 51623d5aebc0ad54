using System.Text.RegularExpressions;

namespace Polycrate.Build.Loading;

/// <summary>Name rules, anchored (the 2025 block-name pattern matched anything; one-letter names were refused).</summary>
public static partial class Names
{
    /// <summary>Workspace, instance, action, workflow and step names.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Block names may be registry paths: <c>registry.acme-corp.com/acme/iot/edge-ota</c>, <c>localhost:5000/x</c>.</summary>
    public static bool IsValidBlockName(string name) => BlockNamePattern().IsMatch(name);

    public const string NameRule = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    public const string BlockNameRule = NameRule + "; '/' and a ':port' in the registry host are allowed";

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?(:[0-9]+)?(/[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?)*$")]
    private static partial Regex BlockNamePattern();
}
