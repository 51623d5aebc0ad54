using Microsoft.Build.Framework;
using Polycrate.Build.Runs;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>Runs one action of one block (<c>polycrate-build run BLOCK ACTION</c>). Never incremental.</summary>
public sealed class PolycrateRunAction : PolycrateRunTask
{
    /// <summary>The block's name in the workspace.</summary>
    [Required]
    public string Block { get; set; } = string.Empty;

    /// <summary>The action's name in <see cref="Block"/>.</summary>
    [Required]
    public string Action { get; set; } = string.Empty;

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        await RunAsync(RunRequest.ForAction(Block, Action), loggers, reporter, cancellationToken);
    }
}
