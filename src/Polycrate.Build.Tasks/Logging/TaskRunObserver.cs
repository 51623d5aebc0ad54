using Microsoft.Build.Framework;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Reporting;

namespace Polycrate.Build.Tasks.Logging;

/// <summary>
/// Shows run progress and action output in the build log at high importance, so the default
/// <c>dotnet build</c> verbosity shows what the playbook does, not only that it ran.
/// </summary>
internal sealed class TaskRunObserver(TaskLoggerFactory log) : IRunObserver
{
    public void TargetStarted(Target target) => log.Message(MessageImportance.High, "Polycrate: " + RunMessages.Started(target));

    public void TargetFinished(TargetResult result) => log.Message(MessageImportance.High, "Polycrate: " + DiagnosticCatalog.ForFrontEnd(RunMessages.Finished(result), FrontEnd.MSBuild));

    public void Output(Target target, string line, bool isError) => log.Message(MessageImportance.High, "  " + line);
}
