using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Graph;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Tests.Runs;
using Polycrate.Build.Tests.Support;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Execution;

/// <summary>One action run without Docker: a fake runtime sees what the container would get, and when.</summary>
public sealed class ActionRunnerTests : IDisposable
{
    private const string Secret = "hunter2-do-not-print";
    private readonly TempWorkspace _workspace = new();
    private readonly string _runDirectory = RunDirectories.Create(RunRecord.ForCurrentProcess("action-runner-test-" + Guid.NewGuid().ToString("N")));
    private readonly RecordingObserver _observer = new();

    public ActionRunnerTests()
    {
        _workspace.Write("workspace.poly", $$"""
            name: ws
            blocks:
              - name: app
                config:
                  db_password: {{Secret}}
                actions:
                  - {name: hello, script: [echo hello]}
                  - {name: guarded, prompt: Really?, script: [echo guarded]}
            """);
    }

    /// <summary>Records each launch and, while the action "runs", which private files exist and with which mode.</summary>
    private sealed class FakeRuntime : IActionRuntime
    {
        public List<ActionLaunch> Launches { get; } = [];

        public List<(string Path, UnixFileMode Mode)> FilesWhileRunning { get; } = [];

        public string? Directory { get; init; }

        public Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken)
        {
            Launches.Add(launch);
            FilesWhileRunning.AddRange(System.IO.Directory.EnumerateFiles(Directory!, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != RunRecord.FileName).Select(f => (f, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(f))));
            onOutputLine($"connecting with {Secret}", false);
            return Task.FromResult(launch.Command.Any(c => c.Contains("guarded", StringComparison.Ordinal)) ? 5 : 0);
        }
    }

    private async Task<(TargetOutcome Outcome, OutputTail Tail)> RunAsync(FakeRuntime runtime, string action, RunOptions? options = null)
    {
        var workspace = (await _workspace.LoadAsync()).Workspace;
        var (block, found) = Model.Lookup.Action(workspace, "app", action);
        var target = new Target { Id = Target.ActionId("app", action), Kind = TargetKind.Action, Block = "app", Action = action };
        var context = new ActionContext { Workspace = workspace, Block = block, Action = found, TransactionId = "tx-1", OnHost = true };
        var runner = new ActionRunner(runtime, _observer, options ?? new RunOptions { WorkspaceDirectory = _workspace.Root },
            IdentitySource.From(null, _ => null), NullLoggerFactory.Instance);
        var tail = new OutputTail();
        return (await runner.RunAsync(target, context, _runDirectory, tail, CancellationToken.None), tail);
    }

    [Fact]
    public async Task The_snapshot_exists_owner_only_while_the_action_runs_and_is_removed_afterwards()
    {
        var runtime = new FakeRuntime { Directory = _runDirectory };

        var (outcome, _) = await RunAsync(runtime, "hello");

        Assert.True(outcome.Succeeded);
        var launch = Assert.Single(runtime.Launches);
        Assert.NotEmpty(runtime.FilesWhileRunning);
        Assert.All(runtime.FilesWhileRunning, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, f.Mode));
        Assert.All(runtime.FilesWhileRunning, f => Assert.False(File.Exists(f.Path), $"{f.Path} must be removed after the action"));
        Assert.Contains(launch.Environment, e => e.Value == Secret);
    }

    [Fact]
    public async Task Output_is_redacted_for_the_tail_and_the_observer_but_the_action_gets_the_real_value()
    {
        var (_, tail) = await RunAsync(new FakeRuntime { Directory = _runDirectory }, "hello");

        Assert.DoesNotContain(Secret, tail.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_observer.Events, e => e.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(_observer.Events, e => e.StartsWith("output connecting with ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_zero_exit_code_is_the_targets_failure()
    {
        var options = new RunOptions { WorkspaceDirectory = _workspace.Root, Force = true };

        var (outcome, _) = await RunAsync(new FakeRuntime { Directory = _runDirectory }, "guarded", options);

        Assert.False(outcome.Succeeded);
        Assert.Equal(5, outcome.ExitCode);
    }

    [Fact]
    public async Task A_prompt_without_force_or_terminal_is_refused_before_anything_is_written()
    {
        var runtime = new FakeRuntime { Directory = _runDirectory };

        var refused = await Assert.ThrowsAsync<ActionException>(() => RunAsync(runtime, "guarded"));

        Assert.Equal(DiagnosticCodes.PromptRefused, refused.Code);
        Assert.Empty(runtime.Launches);
        Assert.Equal([Path.Combine(_runDirectory, RunRecord.FileName)], Directory.EnumerateFileSystemEntries(_runDirectory));
    }

    public void Dispose()
    {
        RunDirectories.TryDelete(_runDirectory);
        _workspace.Dispose();
    }
}
