using Cake.Core.Diagnostics;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Reporting;

namespace Cake.Polycrate.Internal;

/// <summary>Shows run progress and action output in Cake's log at normal verbosity.</summary>
internal sealed class CakeRunObserver(ICakeLog log) : IRunObserver
{
    public void TargetStarted(Target target) => log.Information("Polycrate: {0}", RunMessages.Started(target));

    public void TargetFinished(TargetResult result)
    {
        if (result.IsFailure)
        {
            log.Error("Polycrate: {0}", DiagnosticCatalog.ForFrontEnd(RunMessages.Finished(result), FrontEnd.Cake));
        }
        else
        {
            log.Information("Polycrate: {0}", RunMessages.Finished(result));
        }
    }

    public void Output(Target target, string line, bool isError) => log.Information("  {0}", line);
}
