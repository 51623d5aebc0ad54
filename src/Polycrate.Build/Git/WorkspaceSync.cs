namespace Polycrate.Build.Git;

/// <summary>
/// <c>workspace pull</c> (fetch and rebase the current branch onto its upstream), <c>workspace push</c> (push it,
/// setting the upstream on the first push) and <c>workspace sync</c> (both). They act on the git repository that
/// holds the workspace. Every failure is a <see cref="GitException"/> that says what to do; a conflicting rebase is
/// aborted, so the work tree is left as it was.
/// </summary>
internal sealed class WorkspaceSync
{
    private readonly GitCli _git;

    private WorkspaceSync(GitCli git)
    {
        _git = git;
    }

    /// <exception cref="GitException">The workspace is not inside a git work tree (PCB7101).</exception>
    public static async Task<WorkspaceSync> OpenAsync(string workspaceRoot, CancellationToken cancellationToken)
    {
        var top = await new GitCli(workspaceRoot).TopLevelAsync(cancellationToken)
            ?? throw new GitException($"{workspaceRoot} is not inside a git repository", GitException.NotARepositoryCode,
                "create one with 'git init' and add a remote with 'git remote add origin URL'");
        return new WorkspaceSync(new GitCli(top));
    }

    /// <summary>The repository's top directory.</summary>
    public string Repository => _git.WorkingDirectory;

    /// <summary>Rebases the current branch onto its upstream; returns a one-line summary.</summary>
    public async Task<string> PullAsync(CancellationToken cancellationToken)
    {
        var branch = await BranchAsync(cancellationToken);
        var dirty = await _git.RunAsync(cancellationToken, "status", "--porcelain=v1", "--untracked-files=no");
        if (dirty.Stdout.Trim().Length > 0)
        {
            var files = string.Join(", ", dirty.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[3..]).Take(10));
            throw new GitException($"pull: uncommitted changes in {files}", GitException.DirtyTreeCode,
                "commit them (a run with --commit, or git commit) or stash them (git stash) first");
        }

        var upstream = await _git.RunAsync(cancellationToken, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}");
        if (!upstream.Succeeded)
        {
            throw new GitException($"pull: branch '{branch}' has no upstream branch", GitException.NoUpstreamCode,
                $"push it first ('polycrate-build workspace push' sets the upstream) or run 'git branch --set-upstream-to=origin/{branch}'");
        }

        var before = (await _git.RunAsync(cancellationToken, "rev-parse", "HEAD")).Stdout.Trim();
        var pull = await _git.RunAsync(cancellationToken, "pull", "--rebase", "--no-autostash", "--quiet");
        if (!pull.Succeeded)
        {
            var conflicts = (await _git.RunAsync(cancellationToken, "diff", "--name-only", "--diff-filter=U")).Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (conflicts.Length > 0 || await RebaseInProgressAsync(cancellationToken))
            {
                await _git.RunAsync(cancellationToken, "rebase", "--abort");
                throw new GitException($"pull: your commits on '{branch}' conflict with {upstream.Stdout.Trim()} in {string.Join(", ", conflicts)}; " +
                    "the rebase was aborted and nothing changed", GitException.ConflictCode,
                    "resolve it by hand: git pull --rebase, fix the files, git add them, git rebase --continue");
            }

            throw new GitException($"pull from {upstream.Stdout.Trim()} failed: {pull.Message}", GitException.GitFailedCode);
        }

        var after = (await _git.RunAsync(cancellationToken, "rev-parse", "HEAD")).Stdout.Trim();
        var count = (await _git.RunAsync(cancellationToken, "rev-list", "--count", $"{before}..{after}")).Stdout.Trim();
        return before == after ? $"'{branch}' is up to date with {upstream.Stdout.Trim()}" : $"'{branch}' rebased onto {upstream.Stdout.Trim()} ({count} new commit(s))";
    }

    /// <summary>Pushes the current branch (setting its upstream on the first push); returns a one-line summary.</summary>
    public async Task<string> PushAsync(CancellationToken cancellationToken)
    {
        var branch = await BranchAsync(cancellationToken);
        var upstream = await _git.RunAsync(cancellationToken, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}");
        IReadOnlyList<string> arguments = ["push", "--porcelain"];
        if (!upstream.Succeeded)
        {
            var remotes = (await _git.RunAsync(cancellationToken, "remote")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var remote = remotes.Contains("origin") ? "origin" : remotes.Length == 1 ? remotes[0]
                : throw new GitException($"push: branch '{branch}' has no upstream and " + (remotes.Length == 0 ? "the repository has no remote" : "there are several remotes"),
                    GitException.NoUpstreamCode, remotes.Length == 0 ? "add one: git remote add origin URL" : $"choose one: git push --set-upstream REMOTE {branch}");
            arguments = ["push", "--porcelain", "--set-upstream", remote, branch];
        }

        var push = await _git.RunAsync(arguments, cancellationToken);
        if (!push.Succeeded)
        {
            var text = push.Stdout + push.Stderr;
            if (text.Contains("[rejected]", StringComparison.Ordinal) || text.Contains("non-fast-forward", StringComparison.Ordinal) || text.Contains("fetch first", StringComparison.Ordinal))
            {
                throw new GitException($"push of '{branch}' was rejected: the remote branch has commits you do not have", GitException.PushRejectedCode,
                    "run 'polycrate-build workspace pull' (or 'workspace sync', which pulls first), then push again");
            }

            throw new GitException($"push of '{branch}' failed: {push.Message}", GitException.GitFailedCode);
        }

        var target = upstream.Succeeded ? upstream.Stdout.Trim() : $"{arguments[3]}/{branch}";
        return push.Stdout.Contains("[up to date]", StringComparison.Ordinal) ? $"{target} is up to date" : $"pushed '{branch}' to {target}";
    }

    private async Task<string> BranchAsync(CancellationToken cancellationToken)
    {
        var branch = await _git.RunAsync(cancellationToken, "symbolic-ref", "--quiet", "--short", "HEAD");
        return branch.Succeeded ? branch.Stdout.Trim()
            : throw new GitException("no branch is checked out (detached HEAD)", GitException.GitFailedCode, "check out a branch: git switch BRANCH");
    }

    private async Task<bool> RebaseInProgressAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "rebase-merge", "rebase-apply" })
        {
            var path = (await _git.RunAsync(cancellationToken, "rev-parse", "--git-path", name)).Stdout.Trim();
            if (Directory.Exists(Path.Combine(_git.WorkingDirectory, path)))
            {
                return true;
            }
        }

        return false;
    }
}
