using Polycrate.Build.Benchmarks;

// Dispatcher: `dotnet run -c Release --project bench/Polycrate.Build.Benchmarks -- <benchmark> [args]`.
// To add a benchmark, add a file implementing IBenchmark and list it here.
IBenchmark[] benchmarks =
[
    new AgeBenchmark(),
    new InspectBenchmark(),
    new NightlyBenchmark(),
    new RegistryBenchmark(),
    new RunBenchmark(),
    new StartupBenchmark(),
    new StepsBenchmark(),
    new WorkflowBenchmark(),
];

var selected = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (selected is null)
{
    Console.Error.WriteLine("usage: Polycrate.Build.Benchmarks <benchmark> [args]");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-12} {b.Description}");
    }

    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await selected.RunAsync(args[1..], cts.Token);
