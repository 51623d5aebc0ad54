using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli;

/// <summary>The entry point of <c>polycrate-build</c>; tests run it in process with their own writers.</summary>
internal sealed class CliApplication
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly bool _interactive;
    private RootCommand? _root;

    public CliApplication(TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        _stdout = stdout;
        _stderr = stderr;
        _interactive = interactive;
    }

    /// <summary>The whole command tree (every verb), built on first use; <see cref="RunAsync"/> builds only what its arguments need.</summary>
    public RootCommand Root => _root ??= CommandTree.Build(NewContext(), args: null);

    /// <summary>Parses and runs; usage errors exit with 2 like any other invalid input.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // A fresh context per run: the options a command reads its values through are the ones added to this tree.
        var cli = NewContext();
        var parse = CommandTree.Build(cli, args).Parse(args);
        // ProcessTerminationTimeout = null: Program handles SIGINT/SIGTERM itself and gives the engine its grace period to
        // stop and remove containers; System.CommandLine's own handler would end the process with 143 after 2 s.
        var configuration = new InvocationConfiguration
        {
            Output = cli.Stdout, Error = cli.Stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var line in UsageErrors.Describe(parse))
            {
                await cli.Stderr.WriteLineAsync(line);
            }

            return 2;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    private CliContext NewContext() => new(new GlobalOptions(), _stdout, _stderr, _interactive);
}
