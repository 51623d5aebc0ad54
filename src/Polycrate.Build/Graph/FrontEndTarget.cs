namespace Polycrate.Build.Graph;

/// <summary>A graph target as an MSBuild target or a Cake task: its name and the names it depends on.</summary>
public sealed record FrontEndTarget(string Name, Target Target, IReadOnlyList<string> DependsOn);
