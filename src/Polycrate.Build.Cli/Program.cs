using System.Runtime.InteropServices;
using System.Text;
using Polycrate.Build.Cli.Commands;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli;

internal static class Program
{
    /// <summary>After the first Ctrl-C/SIGTERM the engine gets this long to stop and remove containers, then the process ends anyway.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(45);

    public static async Task<int> Main(string[] args)
    {
        // A bare `version` needs no parser, no signal handling, no console set-up and no workspace: the command tree, its
        // help texts' resources and Console's terminal set-up were most of its time after the runtime's own start
        // (bench/ startup, README).
        // Any other form (`version --help`, `-w DIR version`) goes through the parser and prints the same line.
        if (args is ["version"])
        {
            RawStdout.Write(Encoding.UTF8.GetBytes(VersionCommand.Line + Environment.NewLine)); // ASCII: the same bytes in every locale
            return 0;
        }

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

        var application = new CliApplication(ConsoleWriters.Stdout(), ConsoleWriters.Stderr(), Terminal.IsInteractive());
        var exitCode = await application.RunAsync(args, cancellation.Token);
        watchdog?.Dispose();
        return exitCode;
    }
}
