using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows graph NAME</c>: the step graph as text, or Graphviz dot with <c>--format dot</c>.</summary>
internal sealed class WorkflowsGraphCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Workflow name." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "text (default) or dot (Graphviz: polycrate-build workflows graph NAME --format dot | dot -Tsvg > graph.svg).",
        DefaultValueFactory = _ => "text",
        HelpName = "text|dot",
    };

    public WorkflowsGraphCommand(CliContext cli)
        : base("graph", "Show the order a workflow's steps run in: stages, dependencies (needs), when and allow_failure.")
    {
        Arguments.Add(_name);
        _format.AcceptOnlyFromAmong("text", "dot");
        Options.Add(_format);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var graph = await cli.CreateEngine(loggers).WorkflowGraphAsync(cli.WorkspaceRequest(parse), parse.GetValue(_name)!, parse.GetValue(_format) == "dot", token);
            await cli.Stdout.WriteAsync(graph.Value);
            return 0;
        }, ct));
    }
}
