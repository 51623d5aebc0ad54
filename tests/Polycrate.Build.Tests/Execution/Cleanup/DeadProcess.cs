using System.Diagnostics;
using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Tests.Execution.Cleanup;

/// <summary>The owner record of a real process that was started and then killed: a certainly dead owner.</summary>
internal static class DeadProcess
{
    public static async Task<ProcessOwner> OwnerAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60")) ?? throw new InvalidOperationException("cannot start sleep");
        var start = ProcessOwner.ReadStartTime(process.Id) ?? throw new InvalidOperationException("no start time");
        process.Kill();
        await process.WaitForExitAsync();
        return new ProcessOwner(process.Id, ProcessOwner.Current.Host, start);
    }
}
