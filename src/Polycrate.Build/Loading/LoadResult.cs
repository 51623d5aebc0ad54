using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>A loaded workspace and the warnings found on the way (errors throw <see cref="WorkspaceException"/>).</summary>
public sealed record LoadResult(Workspace Workspace, IReadOnlyList<Diagnostic> Warnings);
