using Polycrate.Build.Diagnostics;
using Polycrate.Build.Limits;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>Another process kept the workspace's blocks lock for longer than the lock timeout.</summary>
internal sealed class WorkspaceLockException : PolycrateException
{
    public WorkspaceLockException(string lockFile, TimeSpan timeout, Exception? inner = null)
        : base($"Another polycrate-build process has held the workspace lock {lockFile} for more than {timeout.TotalSeconds:0.#} s "
            + $"(a 'blocks pull' or a run with --blocks-auto-pull installing into the same workspace). Wait for it to finish and retry "
            + $"('fuser -v {lockFile}' shows the process), or raise {LimitVariables.LockTimeout} (seconds).", inner)
    {
        LockFile = lockFile;
    }

    public string LockFile { get; }

    public override string Code => DiagnosticCodes.WorkspaceLocked;
}
