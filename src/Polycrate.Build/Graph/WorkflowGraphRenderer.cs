using System.Text;
using Polycrate.Build.Model;

namespace Polycrate.Build.Graph;

/// <summary>Renders a workflow's step graph as readable text or as Graphviz dot.</summary>
internal static class WorkflowGraphRenderer
{
    /// <summary>
    /// Text: the stages on one line (<c>backup → update → verify</c>; parallel steps in braces), then one line per
    /// step with what it runs, what it waits for and its policy.
    /// </summary>
    public static string Text(Workflow workflow)
    {
        var builder = new StringBuilder();
        builder.Append("workflow ").Append(workflow.Name);
        if (workflow.Description is not null)
        {
            builder.Append(": ").Append(workflow.Description);
        }

        builder.Append('\n');
        var stages = Stages(workflow);
        builder.Append("  ").AppendJoin(" → ", stages.Select(s => s.Count == 1 ? s[0] : "{" + string.Join(", ", s) + "}")).Append("\n\n");

        var nameWidth = Math.Max(4, workflow.Steps.Max(s => s.Name.Length));
        var runsWidth = Math.Max(4, workflow.Steps.Max(s => s.Block.Length + s.Action.Length + 1));
        builder.Append("  ").Append("step".PadRight(nameWidth)).Append("  ").Append("runs".PadRight(runsWidth)).Append("  after / when\n");
        foreach (var step in workflow.Steps)
        {
            var after = workflow.DependenciesOf(step);
            var policy = new List<string> { after.Count == 0 ? "(start)" : string.Join(", ", after) };
            if (step.When != RunCondition.OnSuccess)
            {
                policy.Add(step.When == RunCondition.OnFailure ? "when: on_failure" : "when: always");
            }

            if (step.AllowFailure ?? workflow.AllowFailure)
            {
                policy.Add("allow_failure");
            }

            builder.Append("  ").Append(step.Name.PadRight(nameWidth)).Append("  ")
                .Append($"{step.Block} {step.Action}".PadRight(runsWidth)).Append("  ")
                .AppendJoin("; ", policy).Append('\n');
        }

        return builder.ToString();
    }

    public static string Dot(Workflow workflow)
    {
        var builder = new StringBuilder();
        builder.Append("digraph \"").Append(Escape(workflow.Name)).Append("\" {\n  rankdir=LR;\n  node [shape=box];\n");
        foreach (var step in workflow.Steps)
        {
            var style = step.When switch
            {
                RunCondition.OnFailure => ", style=dashed, color=red",
                RunCondition.Always => ", style=dotted",
                _ => string.Empty,
            };
            builder.Append($"  \"{Escape(step.Name)}\" [label=\"{Escape(step.Name)}\\n{Escape(step.Block)} {Escape(step.Action)}\"{style}];\n");
        }

        foreach (var step in workflow.Steps)
        {
            foreach (var dependency in workflow.DependenciesOf(step))
            {
                builder.Append($"  \"{Escape(dependency)}\" -> \"{Escape(step.Name)}\";\n");
            }
        }

        return builder.Append("}\n").ToString();
    }

    /// <summary>Steps grouped by depth: a stage holds the steps whose dependencies all sit in earlier stages.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Stages(Workflow workflow)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(WorkflowStep step) => depth.TryGetValue(step.Name, out var known)
            ? known
            : depth[step.Name] = workflow.DependenciesOf(step).Select(d => workflow.FindStep(d)).OfType<WorkflowStep>().Select(d => Depth(d) + 1).DefaultIfEmpty(0).Max();

        return workflow.Steps.GroupBy(Depth).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)g.Select(s => s.Name).ToList()).ToList();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
