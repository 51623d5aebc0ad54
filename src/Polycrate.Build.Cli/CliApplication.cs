using System.CommandLine;
using Polycrate.Build.Cli.Commands;
using Polycrate.Build.Cli.Commands.Actions;
using Polycrate.Build.Cli.Commands.Blocks;
using Polycrate.Build.Cli.Commands.Logs;
using Polycrate.Build.Cli.Commands.Run;
using Polycrate.Build.Cli.Commands.Workflows;
using Polycrate.Build.Cli.Commands.Workspace;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli;

/// <summary>The command tree of <c>polycrate-build</c>; tests run it in process with their own writers.</summary>
internal sealed class CliApplication
{
    private readonly RootCommand _root;
    private readonly CliContext _cli;

    public CliApplication(TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        var options = new GlobalOptions();
        _cli = new CliContext(options, stdout, stderr, interactive);
        _root = new RootCommand("polycrate-build: Polycrate workspaces (blocks, actions, workflows) as a build graph. " +
            "Exit codes: 0 success, 1 failure, 2 invalid input, an action's own exit code when it fails.");
        options.AddTo(_root);
        _root.Subcommands.Add(new WorkspaceCommand(_cli));
        _root.Subcommands.Add(new BlocksCommand(_cli));
        _root.Subcommands.Add(new ActionsCommand(_cli));
        _root.Subcommands.Add(new WorkflowsCommand(_cli));
        _root.Subcommands.Add(new RunCommand(_cli));
        _root.Subcommands.Add(new LogsCommand(_cli));
        _root.Subcommands.Add(new Commands.Ssh.SshCommand(_cli));
        _root.Subcommands.Add(new VersionCommand(_cli));

        // Polycrate's top-level shortcuts (reference §13): the same command classes under their short names.
        _root.Subcommands.Add(new BlocksPullCommand(_cli));
        _root.Subcommands.Add(new BlocksPushCommand(_cli));
        _root.Subcommands.Add(new WorkspaceInitCommand(_cli));
        foreach (var action in new[] { "install", "uninstall", "prune" })
        {
            _root.Subcommands.Add(new ActionShortcutCommand(_cli, action));
        }
    }

    public RootCommand Root => _root;

    /// <summary>Parses and runs; usage errors exit with 2 like any other invalid input.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var parse = _root.Parse(args);
        var configuration = new InvocationConfiguration { Output = _cli.Stdout, Error = _cli.Stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var line in UsageErrors.Describe(parse))
            {
                await _cli.Stderr.WriteLineAsync(line);
            }

            return 2;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
