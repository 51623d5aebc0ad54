using System.Runtime.InteropServices;

namespace Polycrate.Build.Cli;

internal static class Program
{
    /// <summary>After the first Ctrl-C/SIGTERM the engine gets this long to stop and remove containers, then the process ends anyway.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(45);

    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C and SIGTERM cancel the run; the engine stops and removes containers before the process exits. A
        // second signal, or a clean-up that outlasts the grace period (something blocked that ignores cancellation),
        // ends the process at once: a signal always ends it.
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        Timer? watchdog = null;

        void Cancel(PosixSignalContext context)
        {
            if (cancellation.IsCancellationRequested)
            {
                Environment.Exit(130);
            }

            context.Cancel = true;
            watchdog = new Timer(_ => Environment.Exit(130), null, ShutdownGrace, Timeout.InfiniteTimeSpan);
            cancellation.Cancel();
        }

        var application = new CliApplication(Console.Out, Console.Error, Infrastructure.Terminal.IsInteractive());
        var exitCode = await application.RunAsync(args, cancellation.Token);
        watchdog?.Dispose();
        return exitCode;
    }
}
