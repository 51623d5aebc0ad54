using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Engine;

/// <summary>What a use case produced, with the load warnings of its workspace (already reported as they were found).</summary>
public sealed record EngineResult<T>(T Value, IReadOnlyList<Diagnostic> Warnings);
