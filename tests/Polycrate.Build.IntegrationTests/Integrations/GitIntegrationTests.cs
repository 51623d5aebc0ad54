using Polycrate.Build.IntegrationTests.Execution.Runs;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>
/// Git, opt-in: a run with --commit (host runtime) commits only what it changed inside the workspace folder and
/// never plaintext secrets; staged changes make it skip; workspace pull/push/sync against a local bare remote,
/// with the dirty-tree, rejected-push and conflict errors.
/// </summary>
public sealed class GitIntegrationTests : IDisposable
{
    private readonly GitRepositories _git;

    public GitIntegrationTests()
    {
        _git = new GitRepositories("name: git-ws\nblocks:\n  - name: app\n    actions:\n      - name: produce\n        script:\n" +
            "          - mkdir -p \"$ARTIFACTS\" ../../artifacts/secrets\n" +
            "          - echo report > \"$ARTIFACTS/report.txt\"\n" +
            "          - echo plain-secret-value > ../../artifacts/secrets/token\n" +
            "          - echo encrypted > ../../artifacts/secrets/token.age\n" +
            "          - echo key > ../../artifacts/secrets/secrets.poly\n");
        Directory.CreateDirectory(Path.Combine(_git.Workspace, "blocks", "app"));
        File.WriteAllText(Path.Combine(_git.Workspace, "blocks", "app", "block.poly"), "name: app\n");
        GitRepositories.Git(_git.Clone, "add", ".");
        GitRepositories.Git(_git.Clone, "commit", "--quiet", "-m", "block dir");
    }

    private Task<CliRun> Cli(params string[] args) => CliRun.InvokeAsync(["-w", _git.Workspace, .. args]);

    private string[] CommittedFiles() =>
        GitRepositories.Git(_git.Clone, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Commit_takes_only_what_the_run_changed_inside_the_workspace_and_no_plaintext_secrets()
    {
        _git.Write("outside.txt", "changed outside\n");
        _git.Write("ops/ws/notes.md", "changed before the run\n");
        var before = _git.Head();

        var run = await Cli("run", "app", "produce", "--runtime", "host", "--commit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual(before, _git.Head());
        var log = new Polycrate.Build.Transactions.RunLogStore(_git.Workspace, ".logs").List()[0];
        var message = GitRepositories.Git(_git.Clone, "log", "-1", "--format=%B");
        Assert.Contains($"polycrate-build: run app produce succeeded (transaction {log.TransactionId})", message, StringComparison.Ordinal);
        var files = CommittedFiles();
        Assert.Contains("ops/ws/artifacts/blocks/app/report.txt", files);
        Assert.Contains("ops/ws/artifacts/secrets/token.age", files);
        Assert.Contains(files, f => f.StartsWith("ops/ws/.logs/", StringComparison.Ordinal) && f.EndsWith(log.TransactionId + ".yml", StringComparison.Ordinal));
        Assert.DoesNotContain("ops/ws/artifacts/secrets/token", files);
        Assert.DoesNotContain("ops/ws/artifacts/secrets/secrets.poly", files);
        Assert.DoesNotContain("outside.txt", files);
        Assert.DoesNotContain("ops/ws/notes.md", files);
        Assert.Contains("not committed (plaintext secrets", run.Stderr, StringComparison.Ordinal);
        var status = GitRepositories.Git(_git.Clone, "status", "--porcelain");
        Assert.Contains(" M outside.txt", status, StringComparison.Ordinal);
        Assert.Contains(" M ops/ws/notes.md", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_committed_without_the_flag_or_when_changes_were_staged_before_but_autocommit_commits()
    {
        var before = _git.Head();
        var run = await Cli("run", "app", "produce", "--runtime", "host");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, _git.Head());

        _git.Write("ops/ws/notes.md", "staged by the user\n");
        GitRepositories.Git(_git.Clone, "add", "ops/ws/notes.md");
        run = await Cli("run", "app", "produce", "--runtime", "host", "--commit");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, _git.Head());
        Assert.Contains("there were staged changes before the run", run.Stderr, StringComparison.Ordinal);

        GitRepositories.Git(_git.Clone, "commit", "--quiet", "-m", "user's own commit");
        var workspacePoly = Path.Combine(_git.Workspace, "workspace.poly");
        File.WriteAllText(workspacePoly, File.ReadAllText(workspacePoly).Replace("name: git-ws\n", "name: git-ws\ngit: {autocommit: true}\n", StringComparison.Ordinal));
        GitRepositories.Git(_git.Clone, "commit", "--quiet", "-am", "autocommit on");
        var userCommit = _git.Head();
        run = await Cli("run", "app", "produce", "--runtime", "host");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual(userCommit, _git.Head());
        Assert.Contains(CommittedFiles(), f => f.StartsWith("ops/ws/.logs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_pulls_then_pushes_and_a_rejected_push_says_to_pull_first()
    {
        var other = _git.SecondClone();
        _git.Write("teammate.txt", "from a teammate\n", other);
        GitRepositories.Git(other, "add", ".");
        GitRepositories.Git(other, "commit", "--quiet", "-m", "teammate");
        GitRepositories.Git(other, "push", "--quiet");

        var run = await Cli("run", "app", "produce", "--runtime", "host", "--commit");
        Assert.True(run.ExitCode == 0, run.ToString());
        var push = await Cli("workspace", "push");
        Assert.True(push.ExitCode == 1, push.ToString());
        Assert.Contains("PCB7106", push.Stderr, StringComparison.Ordinal);
        Assert.Contains("workspace pull", push.Stderr, StringComparison.Ordinal);

        var sync = await Cli("workspace", "sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal(_git.Head(), GitRepositories.Git(_git.Remote, "rev-parse", "main").Trim());
        Assert.True(File.Exists(Path.Combine(_git.Clone, "teammate.txt")));
        Assert.Contains("polycrate-build: run app produce", GitRepositories.Git(_git.Remote, "log", "-1", "--format=%s", "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_refuses_a_dirty_tree_and_a_conflict_is_aborted_with_the_file_named()
    {
        _git.Write("ops/ws/notes.md", "uncommitted\n");
        var dirty = await Cli("workspace", "pull");
        Assert.True(dirty.ExitCode == 1, dirty.ToString());
        Assert.Contains("PCB7102", dirty.Stderr, StringComparison.Ordinal);
        Assert.Contains("ops/ws/notes.md", dirty.Stderr, StringComparison.Ordinal);

        GitRepositories.Git(_git.Clone, "commit", "--quiet", "-am", "ours");
        var ours = _git.Head();
        var other = _git.SecondClone();
        _git.Write("ops/ws/notes.md", "theirs\n", other);
        GitRepositories.Git(other, "commit", "--quiet", "-am", "theirs");
        GitRepositories.Git(other, "push", "--quiet");

        var sync = await Cli("workspace", "sync");

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Contains("PCB7104", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("ops/ws/notes.md", sync.Stderr, StringComparison.Ordinal);
        Assert.Equal(ours, _git.Head());
        Assert.Equal(string.Empty, GitRepositories.Git(_git.Clone, "status", "--porcelain").Trim());
    }

    [Fact]
    public async Task Outside_a_repository_sync_says_how_to_start_one()
    {
        var plain = Directory.CreateTempSubdirectory("pcb-nogit-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(plain, "workspace.poly"), "name: plain\n");
            var sync = await CliRun.InvokeAsync(["-w", plain, "workspace", "sync"]);
            Assert.True(sync.ExitCode == 1, sync.ToString());
            Assert.Contains("PCB7101", sync.Stderr, StringComparison.Ordinal);
            Assert.Contains("git init", sync.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(plain, recursive: true);
        }
    }

    public void Dispose() => _git.Dispose();
}
