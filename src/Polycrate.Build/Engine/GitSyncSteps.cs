namespace Polycrate.Build.Engine;

/// <summary>What <c>workspace pull/push/sync</c> does on the workspace's git repository, in this order.</summary>
[Flags]
public enum GitSyncSteps
{
    /// <summary><c>git pull --rebase</c> from the upstream; refuses uncommitted changes, aborts a conflicting rebase.</summary>
    Pull = 1,

    /// <summary><c>git push</c> to the upstream (the first push sets it).</summary>
    Push = 2,
}

/// <summary>One finished git step with git's outcome in one line (e.g. "already up to date").</summary>
public sealed record GitSyncStepResult(GitSyncSteps Step, string Message);
