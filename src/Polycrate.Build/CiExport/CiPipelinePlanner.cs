using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.CiExport;

/// <summary>
/// Turns a workflow into CI jobs, one per step and workspace, with the dependencies of the engine's target graph
/// (<see cref="TargetGraphBuilder"/>): <c>needs:</c>, else the previous step; <c>needs: []</c> starts at once.
/// Jobs come in step order, workspace by workspace, so the output is deterministic.
/// </summary>
internal static class CiPipelinePlanner
{
    /// <exception cref="Diagnostics.NotFoundException">PCB2004 when a workspace has no such workflow.</exception>
    /// <exception cref="CiExportException">PCB2102 when two workspaces share a branch name.</exception>
    public static IReadOnlyList<CiJob> Plan(IReadOnlyList<CiWorkspace> workspaces, string workflowName)
    {
        var clash = workspaces.Where(w => w.BranchName is not null).GroupBy(w => w.BranchName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new CiExportException(CiExportException.NameClashCode,
                $"workspaces {string.Join(" and ", clash.Select(w => w.Directory))} would both name their jobs '{clash.Key}:…'; give the directories different names");
        }

        var jobs = new List<CiJob>();
        foreach (var ci in workspaces)
        {
            var workflow = Lookup.Workflow(ci.Workspace, workflowName);
            var graph = TargetGraphBuilder.Build(ci.Workspace);
            string JobName(string step) => ci.BranchName is null ? step : $"{ci.BranchName}:{step}";
            IEnumerable<string> StepsOf(IEnumerable<Target> targets) =>
                targets.Where(t => t.Kind == TargetKind.Step && t.Workflow == workflow.Name).Select(t => t.Step!);

            foreach (var step in workflow.Steps)
            {
                var target = graph[Target.StepId(workflow.Name, step.Name)];
                var direct = StepsOf(target.DependsOn.Select(id => graph[id])).ToList();
                jobs.Add(new CiJob
                {
                    Name = JobName(step.Name),
                    Step = step.Name,
                    Workspace = ci,
                    Needs = direct.Select(JobName).ToList(),
                    When = target.When,
                    AllowFailure = target.AllowFailure,
                    Description = step.Description,
                });
            }
        }

        return jobs;
    }
}
