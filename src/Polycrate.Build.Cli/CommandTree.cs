using System.CommandLine;
using Polycrate.Build.Cli.Commands;
using Polycrate.Build.Cli.Commands.Actions;
using Polycrate.Build.Cli.Commands.Blocks;
using Polycrate.Build.Cli.Commands.Logs;
using Polycrate.Build.Cli.Commands.Run;
using Polycrate.Build.Cli.Commands.Ssh;
using Polycrate.Build.Cli.Commands.Workflows;
using Polycrate.Build.Cli.Commands.Workspace;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli;

/// <summary>
/// Builds the command tree for one invocation. A parse only ever descends into one top-level verb, and building
/// every verb (the options, arguments and help texts of some fifty commands) is a measurable part of a short
/// command's start-up (bench/ startup): when the arguments name the verb, only that verb's subtree is built.
/// Whenever the scan cannot tell (no verb, root help, a mistyped verb that needs "did you mean", response files,
/// directives, an option it does not know) the whole tree is built, so parsing, help and messages are the same
/// either way.
/// </summary>
internal static class CommandTree
{
    private const string Description = "polycrate-build: Polycrate workspaces (blocks, actions, workflows) as a build graph. " +
        "Exit codes: 0 success, 1 failure, 2 invalid input, an action's own exit code when it fails, 130 canceled (Ctrl-C, SIGTERM).";

    /// <summary>The top-level verbs in help order, each with the names it answers to (checked against the built command).</summary>
    private static readonly (string[] Names, Func<CliContext, Command> Create)[] Verbs =
    [
        (["workspace"], cli => new WorkspaceCommand(cli)),
        (["blocks", "block"], cli => new BlocksCommand(cli)),
        (["actions", "action"], cli => new ActionsCommand(cli)),
        (["workflows", "workflow"], cli => new WorkflowsCommand(cli)),
        (["run"], cli => new RunCommand(cli)),
        (["logs"], cli => new LogsCommand(cli)),
        (["ssh"], cli => new SshCommand(cli)),
        (["version"], cli => new VersionCommand(cli)),

        // Polycrate's top-level shortcuts (reference §13): the same command classes under their short names.
        (["pull"], cli => new BlocksPullCommand(cli)),
        (["push"], cli => new BlocksPushCommand(cli)),
        (["init"], cli => new WorkspaceInitCommand(cli)),
        (["install"], cli => new ActionShortcutCommand(cli, "install")),
        (["uninstall"], cli => new ActionShortcutCommand(cli, "uninstall")),
        (["prune"], cli => new ActionShortcutCommand(cli, "prune")),
    ];

    /// <summary>The root with the global options and the verb <paramref name="args"/> name, or every verb (args null: always).</summary>
    public static RootCommand Build(CliContext cli, IReadOnlyList<string>? args)
    {
        var root = new RootCommand(Description);
        cli.Options.AddTo(root);
        if (args is not null && TypedVerb(root, args) is { } typed
            && Verbs.FirstOrDefault(v => v.Names.Contains(typed, StringComparer.Ordinal)).Create is { } create)
        {
            var command = create(cli);
            if (command.Name == typed || command.Aliases.Contains(typed))
            {
                root.Subcommands.Add(command);
                return root;
            }
        }

        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb.Create(cli));
        }

        return root;
    }

    /// <summary>
    /// The first argument that is neither an option of the root (-w DIR, --output=json, --strict, --help…) nor the
    /// value of one; null when an argument could mean something else to the parser (see the class summary).
    /// </summary>
    private static string? TypedVerb(RootCommand root, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token.Length == 0 || token[0] is '@' or '[' || token == "--")
            {
                return null;
            }

            if (token[0] != '-')
            {
                return token;
            }

            var split = token.AsSpan().IndexOfAny(':', '=');
            var option = Find(root, split > 0 ? token[..split] : token);
            if (option is null)
            {
                return null;
            }

            // An option that needs a value takes the next argument even when it is a verb's name (-w version).
            if (split < 0 && option.Arity.MinimumNumberOfValues > 0)
            {
                i++;
            }
        }

        return null;
    }

    private static Option? Find(RootCommand root, string name) =>
        root.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
}
