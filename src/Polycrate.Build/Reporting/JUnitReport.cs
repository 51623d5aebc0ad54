using Polycrate.Build.Graph;

namespace Polycrate.Build.Reporting;

/// <summary>What a JUnit report is made of: the run's results plus the last output lines of each target.</summary>
/// <param name="SuiteName">The workflow name, or <c>block action</c> for a single action run.</param>
/// <param name="Summary">The results of the run.</param>
/// <param name="OutputTails">Target id → its last output lines (see <see cref="OutputTails"/>).</param>
public sealed record JUnitReport(string SuiteName, RunSummary Summary, IReadOnlyDictionary<string, IReadOnlyList<string>> OutputTails);
