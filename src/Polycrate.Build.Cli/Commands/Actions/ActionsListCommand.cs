using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Actions;

/// <summary><c>actions list</c>: every runnable action as <c>block action</c> pairs.</summary>
internal sealed class ActionsListCommand : Command
{
    public ActionsListCommand(CliContext cli)
        : base("list", "List every action of every runnable (non-template) block.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var items = workspace.Blocks.Where(b => !b.IsTemplate)
                .SelectMany(b => b.Actions.Select(a => (ConfigValue)ConfigMap.Of(
                    ("block", ConfigScalar.String(b.Name)),
                    ("action", ConfigScalar.String(a.Name)),
                    ("kind", ConfigScalar.String(a.Kind == ActionKind.Playbook ? "playbook" : "script")),
                    ("description", a.Description is null ? null : ConfigScalar.String(a.Description)))))
                .ToList();
            await cli.WriteDataAsync(parse, new ConfigList(items));
            return 0;
        }, ct));
    }
}
