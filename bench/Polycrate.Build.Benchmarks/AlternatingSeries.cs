using System.Globalization;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Named series of one command each, measured alternating (one run of every series per round, so load from other work
/// on the machine spreads over all of them alike) after one unmeasured warm-up round; reported as median and best
/// wall time per series, ratios of medians against their goals, and the load average before and after.
/// </summary>
internal sealed class AlternatingSeries
{
    private readonly List<(string Name, Func<Task> Run, List<double> Times)> _series = [];
    private string _loadBefore = "";

    /// <summary>Adds a series; the order is the order within each round.</summary>
    public AlternatingSeries Add(string name, Func<Task> run)
    {
        _series.Add((name, run, []));
        return this;
    }

    /// <summary>One warm-up round, then <paramref name="repetitions"/> measured rounds.</summary>
    public async Task MeasureAsync(int repetitions)
    {
        _loadBefore = LoadAverage();
        foreach (var (_, run, _) in _series)
        {
            await run();
        }

        for (var i = 0; i < repetitions; i++)
        {
            foreach (var (_, run, times) in _series)
            {
                times.Add(await Measure.TimeAsync(run));
            }
        }
    }

    /// <summary>The median wall time of series <paramref name="name"/>, in seconds.</summary>
    public double Median(string name) => Measure.Median(Times(name));

    /// <summary>Writes the title, one line per series, the ratios (numerator, denominator, goal or null) and the load averages.</summary>
    public void Report(string title, params (string Numerator, string Denominator, double? Goal)[] ratios)
    {
        Console.WriteLine(title);
        var width = _series.Max(s => s.Name.Length) + 1;
        foreach (var (name, _, times) in _series)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(name + ":").PadRight(width)} median {Measure.Median(times):F3} s, best {times.Min():F3} s"));
        }

        foreach (var (numerator, denominator, goal) in ratios)
        {
            var ratio = Median(numerator) / Median(denominator);
            var verdict = goal is { } g ? string.Create(CultureInfo.InvariantCulture, $" (goal <= {g:F2}: {(ratio <= g ? "met" : "not met")})") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio {numerator}/{denominator}: {ratio:F2}{verdict}"));
        }

        Console.WriteLine($"  load average before: {_loadBefore}; after: {LoadAverage()}");
    }

    private List<double> Times(string name) => _series.First(s => s.Name == name).Times;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
