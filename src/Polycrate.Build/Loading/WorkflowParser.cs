using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>Parses one workflow of workspace.poly, including the <c>needs:</c> and <c>when:</c> extensions.</summary>
internal static class WorkflowParser
{
    public static Workflow? Parse(YamlNode node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        var reader = MappingReader.From(node, file, diagnostics, context);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name", required: true);
        if (name is not null && !Names.IsValidName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"{context}.name: '{MessageText.Cut(name)}' is not a valid workflow name", reader.LocationOf("name"),
                $"use {Names.NameRule}");
        }

        var stepNodes = reader.Sequence("steps");
        if (stepNodes is null || stepNodes.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingRequired, $"{context}: workflow '{name}' has no steps", reader.Location,
                "add 'steps:' with at least one '- name/block/action' entry");
        }

        var steps = new List<WorkflowStep>();
        var stepNames = new DuplicateNames("step", "give each step of a workflow a unique name");
        for (var i = 0; i < (stepNodes?.Count ?? 0); i++)
        {
            var step = ParseStep(stepNodes![i], file, diagnostics, $"{context}.steps[{i}]");
            if (step is null)
            {
                continue;
            }

            if (!stepNames.Add(step.Name, step.Location, context, diagnostics))
            {
                continue;
            }

            steps.Add(step);
        }

        var workflow = new Workflow
        {
            Name = name ?? string.Empty,
            Description = reader.String("description"),
            AllowFailure = reader.Bool("allow_failure") ?? false,
            Prompt = PromptReader.Read(reader),
            Labels = reader.StringMap("labels") ?? new Dictionary<string, string>(),
            Steps = steps,
            Location = reader.Location,
        };
        reader.StringList("alias");
        reader.ReportUnknownKeys();
        return name is null ? null : workflow;
    }

    private static WorkflowStep? ParseStep(YamlNode node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        var reader = MappingReader.From(node, file, diagnostics, context);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name", required: true);
        if (name is not null && !Names.IsValidName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"{context}.name: '{MessageText.Cut(name)}' is not a valid step name", reader.LocationOf("name"),
                $"use {Names.NameRule}");
        }

        if (reader.Node("script") is { } script && reader.Node("block") is null)
        {
            // Editor-extension examples show a step with its own script; Polycrate's steps (and ours) only name a block's action.
            diagnostics.Error(DiagnosticCodes.MissingRequired, $"{context}: a step runs an action of a block and cannot have its own 'script'", reader.File.LocationOf(script),
                "move the lines into an action (e.g. of an inline block under 'blocks:' in workspace.poly) and name it here with 'block:' and 'action:'");
            return null;
        }

        var block = reader.String("block", required: true);
        var action = reader.String("action", required: true);
        var step = new WorkflowStep
        {
            Name = name ?? string.Empty,
            Block = block ?? string.Empty,
            Action = action ?? string.Empty,
            BlockLocation = reader.LocationOf("block"),
            ActionLocation = reader.LocationOf("action"),
            Description = reader.String("description"),
            AllowFailure = reader.Bool("allow_failure"),
            Needs = ReadNeeds(reader),
            When = ReadWhen(reader, context),
            Prompt = PromptReader.Read(reader),
            Labels = reader.StringMap("labels") ?? new Dictionary<string, string>(),
            Location = reader.Location,
        };
        reader.StringList("alias");
        reader.Ignore("workflow");
        reader.ReportUnknownKeys();
        return name is null || block is null || action is null ? null : step;
    }

    /// <summary><c>needs: [a, b]</c>, or the shorthand <c>needs: a</c>; <c>needs: []</c> means "start at once".</summary>
    private static IReadOnlyList<string>? ReadNeeds(MappingReader reader) =>
        reader.Node("needs") is YamlScalarNode { Value: { Length: > 0 } single } && !string.Equals(single, "null", StringComparison.Ordinal)
            ? [single]
            : reader.StringList("needs");

    private static RunCondition ReadWhen(MappingReader reader, string context)
    {
        var value = reader.String("when");
        switch (value)
        {
            case null or "on_success":
                return RunCondition.OnSuccess;
            case "on_failure":
                return RunCondition.OnFailure;
            case "always":
                return RunCondition.Always;
            default:
                reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, $"{context}.when: found '{MessageText.Cut(value)}', expected on_success, on_failure or always",
                    reader.LocationOf("when"), "on_failure runs a step only after a failure (rollback); always runs it in any case (cleanup)");
                return RunCondition.OnSuccess;
        }
    }
}
