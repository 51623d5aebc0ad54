using System.Text;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Graph;

/// <summary>
/// How the MSBuild and Cake front ends expose the target graph, one rule for both, so a user types the same name
/// in <c>dotnet build -t:NAME</c> and <c>dotnet cake --target=NAME</c>.
/// <list type="bullet">
/// <item>workflow → its name; it runs the whole workflow in the engine's scheduler (<c>needs:</c>, <c>when:</c>,
/// <c>allow_failure</c>, parallelism as on the CLI) and depends on the image and the block installs its steps need;</item>
/// <item>step → <c>workflow__step</c>, which runs that step alone and depends on the steps it needs (so asking for
/// the last step runs the ones before it first, each as its own target);</item>
/// <item>action → <c>block_action</c>; block install → <c>PolycrateInstall_reference</c>; image →
/// <c>PolycrateImage</c>.</item>
/// </list>
/// Characters MSBuild does not allow in target names ('/', ':', '.', '@' …) become '_'.
/// </summary>
internal static class FrontEndTargets
{
    public const string ImageName = "PolycrateImage";

    /// <summary>Two targets map to the same name (names ignore case, and sanitizing can merge names).</summary>
    public const string NameCollisionCode = DiagnosticCodes.TargetNameCollision;

    /// <summary>A target's name is one the front end defines itself (Build, Restore, Clean …).</summary>
    public const string ReservedNameCode = DiagnosticCodes.ReservedTargetName;

    /// <summary>Every target of the graph, in graph definition order.</summary>
    public static IReadOnlyList<FrontEndTarget> From(TargetGraph graph) =>
        graph.Targets.Select(t => new FrontEndTarget(NameOf(t), t, DependenciesOf(graph, t).Select(d => NameOf(graph[d])).ToList())).ToList();

    /// <summary>The name of a workflow step's target: <c>WORKFLOW__STEP</c>, each part sanitized.</summary>
    public static string StepName(string workflow, string step) => Sanitize(workflow) + "__" + Sanitize(step);

    /// <summary>The name of a block action's target: <c>BLOCK_ACTION</c>, each part sanitized.</summary>
    public static string ActionName(string block, string action) => Sanitize(block) + "_" + Sanitize(action);

    public static string NameOf(Target target) => target.Kind switch
    {
        TargetKind.Image => ImageName,
        TargetKind.Workflow => Sanitize(target.Workflow!),
        TargetKind.Step => StepName(target.Workflow!, target.Step!),
        TargetKind.Action => ActionName(target.Block!, target.Action!),
        TargetKind.BlockInstall => "PolycrateInstall_" + Sanitize(target.Reference!),
        _ => Sanitize(target.Id),
    };

    /// <summary>Name collisions and reserved names, as diagnostics at the definitions in workspace.poly.</summary>
    public static IReadOnlyList<Diagnostic> Validate(IReadOnlyList<FrontEndTarget> targets, IReadOnlySet<string> reservedNames)
    {
        var problems = new List<Diagnostic>();
        var seen = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, target, _) in targets.Where(t => t.Target.Kind != TargetKind.Image))
        {
            var location = target.Location ?? new SourceLocation("workspace.poly", 0, 0);
            if (reservedNames.Contains(name))
            {
                problems.Add(new Diagnostic(DiagnosticSeverity.Error, ReservedNameCode,
                    $"'{target.Id}' would become the target '{name}', which the front end defines itself", location, "rename the workflow or action"));
            }
            else if (!seen.TryAdd(name, target))
            {
                problems.Add(new Diagnostic(DiagnosticSeverity.Error, NameCollisionCode,
                    $"'{target.Id}' and '{seen[name].Id}' both become the target '{name}' (names ignore case and turn '/', ':', '.' into '_')",
                    location, "rename one of them"));
            }
        }

        return problems;
    }

    /// <summary>Keeps letters, digits, '-' and '_'; everything else becomes '_'.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static IEnumerable<string> DependenciesOf(TargetGraph graph, Target target) => target.Kind == TargetKind.Workflow
        ? graph.Closure([target.Id]).Where(t => t.Kind is TargetKind.Image or TargetKind.BlockInstall).Select(t => t.Id)
        : target.DependsOn;
}
