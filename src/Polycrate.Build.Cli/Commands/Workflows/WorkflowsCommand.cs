using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows</c>: the verb group.</summary>
internal sealed class WorkflowsCommand : Command
{
    public WorkflowsCommand(CliContext cli)
        : base("workflows", "Inspect, graph, run and export (as CI pipelines) workflows.")
    {
        Aliases.Add("workflow");
        Subcommands.Add(new WorkflowsListCommand(cli));
        Subcommands.Add(new WorkflowsInspectCommand(cli));
        Subcommands.Add(new WorkflowsGraphCommand(cli));
        Subcommands.Add(new WorkflowsRunCommand(cli));
        Subcommands.Add(new WorkflowsExportCommand(cli));
    }
}
