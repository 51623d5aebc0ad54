using Microsoft.Extensions.Logging;
using Polycrate.Build.Model;

namespace Polycrate.Build.Git;

/// <summary>
/// Commits what one run changed inside the workspace folder (its run log, blocks.lock, artifacts) when asked
/// (<c>--commit</c> or <c>git.autocommit</c>). It looks at the tree before the run, so it never sweeps in files the
/// user had changed already, and it refuses to commit at all when the user had staged changes (they would end up in
/// the run's commit). Files outside the workspace folder are never considered; plaintext secrets never committed.
/// Problems are warnings: a run's result never depends on git.
/// </summary>
internal sealed class RunCommitter
{
    private readonly GitCli _git;
    private readonly Workspace _workspace;
    private readonly string _pathspec;
    private readonly IReadOnlySet<string> _dirtyBefore;
    private readonly bool _stagedBefore;
    private readonly ILogger _logger;

    private RunCommitter(GitCli git, Workspace workspace, string pathspec, IReadOnlySet<string> dirtyBefore, bool stagedBefore, ILogger logger)
    {
        _git = git;
        _workspace = workspace;
        _pathspec = pathspec;
        _dirtyBefore = dirtyBefore;
        _stagedBefore = stagedBefore;
        _logger = logger;
    }

    /// <summary>Records the tree before the run; null (with a warning) when the workspace is not in a git work tree.</summary>
    public static async Task<RunCommitter?> BeginAsync(Workspace workspace, ILogger logger, CancellationToken cancellationToken)
    {
        var top = await new GitCli(workspace.RootPath).TopLevelAsync(cancellationToken);
        if (top is null)
        {
            logger.LogWarning("git: {Workspace} is not inside a git work tree; nothing will be committed (git init, or drop --commit / git.autocommit)", workspace.RootPath);
            return null;
        }

        var git = new GitCli(top);
        var relative = Path.GetRelativePath(top, Path.GetFullPath(workspace.RootPath)).Replace(Path.DirectorySeparatorChar, '/');
        var pathspec = relative == "." ? "." : relative;
        var staged = await git.RunAsync(cancellationToken, "diff", "--cached", "--name-only");
        var dirty = await ChangedAsync(git, pathspec, cancellationToken);
        return new RunCommitter(git, workspace, pathspec, dirty, staged.Succeeded && staged.Stdout.Trim().Length > 0, logger);
    }

    /// <summary>Commits the run's changes; returns the commit id, or null when nothing was committed (and says why).</summary>
    public async Task<string?> CommitAsync(string title, string body, CancellationToken cancellationToken)
    {
        if (_stagedBefore)
        {
            _logger.LogWarning("git: nothing committed: there were staged changes before the run, which would have gone into its commit; commit or unstage them (git restore --staged) first");
            return null;
        }

        var changed = (await ChangedAsync(_git, _pathspec, cancellationToken)).Where(p => !_dirtyBefore.Contains(p)).ToList();
        var secrets = changed.Where(IsSecret).ToList();
        var paths = changed.Except(secrets).ToList();
        if (secrets.Count > 0)
        {
            _logger.LogWarning("git: not committed (plaintext secrets; run 'workspace encrypt' and commit the .age files): {Files}", string.Join(", ", secrets));
        }

        if (_dirtyBefore.Count > 0)
        {
            _logger.LogInformation("git: left uncommitted: {Count} file(s) changed before the run", _dirtyBefore.Count);
        }

        if (paths.Count == 0)
        {
            _logger.LogInformation("git: the run changed nothing to commit");
            return null;
        }

        var add = await _git.RunAsync(["add", "--all", "--", .. paths], cancellationToken);
        var commit = add.Succeeded ? await _git.RunAsync(cancellationToken, "commit", "--quiet", "-m", title, "-m", body) : add;
        if (!commit.Succeeded)
        {
            _logger.LogWarning("git: the commit failed: {Message}", commit.Message);
            await _git.RunAsync(["reset", "--quiet", "--", .. paths], cancellationToken);
            return null;
        }

        var sha = (await _git.RunAsync(cancellationToken, "rev-parse", "HEAD")).Stdout.Trim();
        _logger.LogInformation("git: committed {Count} file(s) as {Sha}: {Title}", paths.Count, sha[..Math.Min(12, sha.Length)], title);
        return sha;
    }

    /// <summary>Plaintext under artifacts/secrets (only *.age may be committed), secrets.poly, and SSH private keys anywhere.</summary>
    public bool IsSecret(string repositoryPath)
    {
        var relative = _pathspec == "." ? repositoryPath : repositoryPath[(_pathspec.Length + 1)..];
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        var secretsRoot = _workspace.Settings.ArtifactsRoot.TrimEnd('/') + "/secrets/";
        var keyNames = new[] { Path.GetFileName(_workspace.Settings.SshPrivateKey), "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa" };
        return (relative.StartsWith(secretsRoot, StringComparison.Ordinal) && !name.EndsWith(".age", StringComparison.Ordinal))
            || name == "secrets.poly"
            || keyNames.Contains(name, StringComparer.Ordinal);
    }

    /// <summary>Changed, deleted and untracked (not ignored) files under the pathspec, relative to the repository top.</summary>
    private static async Task<IReadOnlySet<string>> ChangedAsync(GitCli git, string pathspec, CancellationToken cancellationToken)
    {
        var status = await git.RunAsync(cancellationToken, "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--", pathspec);
        return status.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(e => e.Length > 3).Select(e => e[3..]).ToHashSet(StringComparer.Ordinal);
    }
}
