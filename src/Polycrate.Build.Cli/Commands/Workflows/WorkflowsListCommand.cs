using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows list</c>: names, descriptions and step counts.</summary>
internal sealed class WorkflowsListCommand : Command
{
    public WorkflowsListCommand(CliContext cli)
        : base("list", "List the workspace's workflows.")
    {
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token, allowMissingBlocks: true);
            var items = workspace.Workflows.Select(w => (ConfigValue)ConfigMap.Of(
                ("name", ConfigScalar.String(w.Name)),
                ("description", w.Description is null ? null : ConfigScalar.String(w.Description)),
                ("steps", new ConfigList(w.Steps.Select(s => (ConfigValue)ConfigScalar.String(s.Name)).ToList())))).ToList();
            await cli.WriteDataAsync(parse, new ConfigList(items));
            return 0;
        }, ct));
    }
}
