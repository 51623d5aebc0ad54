using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>workspace.poly as written, before installed blocks are merged in and inheritance is resolved.</summary>
internal sealed record WorkspaceDefinition(
    string Name,
    string? Organization,
    string? Description,
    IReadOnlyDictionary<string, string> Labels,
    WorkspaceSettings Settings,
    IReadOnlyList<Block> BlockEntries,
    IReadOnlyList<Workflow> Workflows,
    IReadOnlyList<EnvironmentEntry> ExtraEnv,
    IReadOnlyList<MountEntry> ExtraMounts,
    ConfigMap Globals,
    IReadOnlyList<string> Dependencies,
    SourceLocation DependenciesLocation,
    SourceLocation Location);
