namespace Polycrate.Build.Benchmarks;

/// <summary>One benchmark, selected by <see cref="Name"/> on the command line.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs and prints figures (and ratios against a baseline measured in the same run); returns the exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}
