using System.Runtime.InteropServices;

namespace Polycrate.Build.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C and SIGTERM cancel the run; the engine stops and removes containers before the process exits.
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }

        var application = new CliApplication(Console.Out, Console.Error, Infrastructure.Terminal.IsInteractive());
        return await application.RunAsync(args, cancellation.Token);
    }
}
