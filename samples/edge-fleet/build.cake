// This workspace as a Cake build: one task per workflow, step and action of workspace.poly.
//   dotnet tool restore
//   dotnet cake --target=<workflow>                 run a workflow
//   dotnet cake --target=<block>_<action>           run one action
//   dotnet cake --target=<workflow> --junit=artifacts/junit.xml --force --runtime=Host
// The addin comes from the feed in nuget.config (this repository's artifacts/packages).
#addin nuget:?package=Cake.Polycrate&version=0.1.0

var target = Argument("target", "Default");
var settings = new PolycrateTasksSettings
{
    Runtime = Argument("runtime", RuntimeKind.Container),
    Force = HasArgument("force"),
    Strict = HasArgument("strict"),
    JUnitPath = HasArgument("junit") ? File(Argument<string>("junit")) : null,
};

var targets = PolycrateRegisterTasks(Task, settings);

Task("Default")
    .Description("List the workspace's tasks")
    .Does(() =>
{
    foreach (var name in targets)
    {
        Information(name);
    }
});

// Cake ends a run whose task failed with exit code 1 (it wraps the task's exception in a CakeReportException). The
// addin's CakeException carries the action's own exit code (Ansible's 2 or 4, a script's exit 7; 2 for invalid input,
// 130 when canceled): rethrown here, `dotnet cake` exits with it, as the CLI does.
try
{
    RunTarget(target);
}
catch (CakeReportException failed) when (failed.InnerException is CakeException { ExitCode: not 1 } polycrate)
{
    throw new CakeException(polycrate.ExitCode, polycrate.Message, polycrate);
}
