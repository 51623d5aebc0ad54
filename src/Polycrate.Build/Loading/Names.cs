using System.Text.RegularExpressions;

namespace Polycrate.Build.Loading;

/// <summary>Name rules, anchored (the 2025 block-name pattern matched anything; one-letter names were refused).</summary>
internal static partial class Names
{
    /// <summary>
    /// Longest workspace, action, workflow and step name: names become file names, container labels and MSBuild
    /// target names (<c>workflow__step</c>), which must stay well below the 255-byte file name limit.
    /// </summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest block name: a registry path (host, port and repository) as OCI distribution allows it.</summary>
    public const int MaxBlockNameLength = 255;

    /// <summary>Workspace, instance, action, workflow and step names.</summary>
    public static bool IsValidName(string name) => name.Length <= MaxNameLength && NamePattern().IsMatch(name);

    /// <summary>Block names may be registry paths: <c>registry.acme-corp.com/acme/iot/edge-ota</c>, <c>localhost:5000/x</c>.</summary>
    public static bool IsValidBlockName(string name) => name.Length <= MaxBlockNameLength && BlockNamePattern().IsMatch(name);

    public const string NameRule = "at most 100 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

    public const string BlockNameRule = "at most 255 letters, digits, '-', '_' and '.', starting and ending with a letter or digit; '/' and a ':port' in the registry host are allowed";

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?(:[0-9]+)?(/[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?)*$")]
    private static partial Regex BlockNamePattern();
}
