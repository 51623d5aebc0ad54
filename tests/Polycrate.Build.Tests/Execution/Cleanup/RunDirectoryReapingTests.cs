using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Tests.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Execution.Cleanup;

/// <summary>
/// Issue 12 items 1 and 2 at file level: the private run directory of a dead process goes, with the mount points it
/// recorded and a run log <c>interrupted</c>; a live process's directory stays. (The kill -9 tests are in the
/// integration tests.)
/// </summary>
public sealed class RunDirectoryReapingTests : IDisposable
{
    private readonly TempWorkspace ws = new();
    private readonly List<string> _directories = [];

    public void Dispose()
    {
        ws.Dispose();
        foreach (var directory in _directories)
        {
            RunDirectories.TryDelete(directory);
        }
    }

    private string Create(RunRecord record)
    {
        var directory = RunDirectories.Create(record);
        _directories.Add(directory);
        return directory;
    }

    [Fact]
    public async Task Two_commands_reaping_the_same_dead_runs_at_once_both_finish_and_every_directory_goes()
    {
        // Two CI jobs started after the same crash: each reaper finds directories the other is removing. A run root of
        // its own, so no reaper of another test class takes directories first.
        var root = Directory.CreateTempSubdirectory("pcb-reap-twice-").FullName;
        _directories.Add(root);
        var dead = await DeadProcess.OwnerAsync();
        for (var round = 0; round < 5; round++)
        {
            var directories = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                var record = RunRecord.ForRun(Guid.NewGuid().ToString(), ws.Model, "polycrate-build run app use", DateTimeOffset.Now.AddMinutes(-1)) with
                {
                    Pid = dead.Pid,
                    StartTime = dead.StartTime,
                };
                var directory = Directory.CreateDirectory(Path.Combine(root, record.TransactionId)).FullName;
                await File.WriteAllTextAsync(Path.Combine(directory, RunRecord.FileName), record.ToJson());
                for (var step = 0; step < 4; step++)
                {
                    var stepDirectory = Directory.CreateDirectory(Path.Combine(directory, $"action_app_{step}", "secrets")).FullName;
                    await File.WriteAllTextAsync(Path.Combine(stepDirectory, "token"), "decrypted-secret");
                }

                directories.Add(directory);
            }

            var reapers = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(() => new OrphanReaper(NullLogger.Instance, root).ReapAsync(ws.Model, docker: null, default)))
                .ToArray();
            await Task.WhenAll(reapers);

            Assert.All(directories, directory => Assert.False(Directory.Exists(directory), directory));
        }
    }

    [Fact]
    public async Task Dead_owner_directory_mount_points_and_log_are_handled_live_owner_left_alone()
    {
        var dead = await DeadProcess.OwnerAsync();
        var started = DateTimeOffset.Now.AddMinutes(-1);
        var deadRecord = RunRecord.ForRun(Guid.NewGuid().ToString(), ws.Model, "polycrate-build run app use", started) with
        {
            Pid = dead.Pid,
            StartTime = dead.StartTime,
        };
        var deadDirectory = Create(deadRecord);
        Directory.CreateDirectory(Path.Combine(deadDirectory, "action_app_use", "secrets"));
        await File.WriteAllTextAsync(Path.Combine(deadDirectory, "action_app_use", "secrets", "token"), "decrypted-secret");
        var placeholder = ws.Write("app/token", "");
        ws.Write("app/token.age", "not really age, but not empty");
        await MountPoints.RecordAsync(Path.Combine(deadDirectory, "action_app_use"), [placeholder], default);
        var liveDirectory = Create(RunRecord.ForRun(Guid.NewGuid().ToString(), ws.Model, "polycrate-build run app other", DateTimeOffset.Now));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(PrivateRunRoot.Path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(deadDirectory));
        }

        await new OrphanReaper(NullLogger.Instance).ReapAsync(ws.Model, docker: null, default);

        Assert.False(Directory.Exists(deadDirectory));
        Assert.False(File.Exists(placeholder));
        Assert.True(File.Exists(placeholder + ".age"));
        Assert.True(Directory.Exists(liveDirectory));
        var log = new RunLogStore(ws.Root, ".logs").Find(deadRecord.TransactionId);
        Assert.NotNull(log);
        Assert.Equal("interrupted", log.Status);
        Assert.Equal("polycrate-build run app use", log.Command);
        Assert.Null(new RunLogStore(ws.Root, ".logs").Find(Path.GetFileName(liveDirectory)));
    }

    [Fact]
    public async Task A_run_that_wrote_its_own_log_keeps_it()
    {
        var dead = await DeadProcess.OwnerAsync();
        var record = RunRecord.ForRun(Guid.NewGuid().ToString(), ws.Model, "polycrate-build run app use", DateTimeOffset.Now) with { Pid = dead.Pid, StartTime = dead.StartTime };
        Create(record);
        var own = new RunLog
        {
            TransactionId = record.TransactionId, Workspace = "test", Command = "c", User = "u", Started = record.Started,
            Finished = record.Started, Status = "succeeded", ExitCode = 0, Version = "0", Targets = [],
        };
        await new RunLogStore(ws.Root, ".logs").WriteAsync(own, default);

        await new OrphanReaper(NullLogger.Instance).ReapRunDirectoriesAsync([], default);

        Assert.Equal("succeeded", new RunLogStore(ws.Root, ".logs").Find(record.TransactionId)!.Status);
    }

    [Fact]
    public async Task Only_the_crashed_runs_of_this_workspace_are_warnings_other_checkouts_are_reaped_quietly()
    {
        // Every checkout of the user shares the private run root (and tests of several checkouts share /tmp). A root of
        // this test's own, so no other reaper (a parallel test, another checkout's run) takes the directories first.
        using var other = new TempWorkspace();
        var root = Directory.CreateTempSubdirectory("pcb-reap-root-").FullName;
        _directories.Add(root);
        var dead = await DeadProcess.OwnerAsync();
        string Dead(TempWorkspace workspace, out RunRecord record)
        {
            record = RunRecord.ForRun(Guid.NewGuid().ToString(), workspace.Model, "polycrate-build run app use", DateTimeOffset.Now.AddMinutes(-1)) with
            {
                Pid = dead.Pid,
                StartTime = dead.StartTime,
            };
            var directory = Directory.CreateDirectory(Path.Combine(root, record.TransactionId)).FullName;
            File.WriteAllText(Path.Combine(directory, RunRecord.FileName), record.ToJson());
            return directory;
        }

        var ownDirectory = Dead(ws, out var own);
        var foreignDirectory = Dead(other, out var foreign);
        using var loggers = new Polycrate.Build.Tests.Support.ListLoggerFactory();

        await new OrphanReaper(loggers.CreateLogger("reaper"), root).ReapAsync(ws.Model, docker: null, default);

        Assert.False(Directory.Exists(ownDirectory));
        Assert.False(Directory.Exists(foreignDirectory));
        Assert.Equal("interrupted", new RunLogStore(other.Root, ".logs").Find(foreign.TransactionId)!.Status);
        var warnings = loggers.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Contains(warnings, w => w.Contains(own.TransactionId, StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains(foreign.TransactionId, StringComparison.Ordinal));
        Assert.Contains(loggers.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains(foreign.TransactionId, StringComparison.Ordinal));
    }
}
