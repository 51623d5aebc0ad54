using Cake.Core;
using Cake.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Reporting;

namespace Cake.Polycrate.Internal;

/// <summary>
/// What every alias does around the engine: settings → <see cref="RunOptions"/>, engine logs → <see cref="Cake.Core.Diagnostics.ICakeLog"/>,
/// Ctrl-C → cancellation (the engine stops the container), and failures → <see cref="CakeException"/> carrying the
/// engine's code, message and exit code.
/// </summary>
internal sealed class CakeWorkspaceRunner(ICakeContext context, PolycrateSettings settings)
{
    public RunOptions Options => new()
    {
        WorkspaceDirectory = WorkspaceDirectory(context, settings),
        Strict = settings.Strict,
        Runtime = settings.Runtime,
        Pull = settings.Pull,
        MaxParallel = settings.MaxParallel,
        IsolateSteps = settings.IsolateSteps,
        Force = settings.Force,
        BlocksAutoPull = settings.BlocksAutoPull,
        Dockerfile = settings.Dockerfile?.MakeAbsolute(context.Environment).FullPath,
        JUnitPath = settings.JUnitPath?.MakeAbsolute(context.Environment).FullPath,
        Commit = settings.Commit,
        Ansible = new global::Polycrate.Build.Execution.Ansible.AnsiblePassThrough
        {
            Limit = settings.Limit,
            Tags = settings.Tags,
            SkipTags = settings.SkipTags,
            Check = settings.Check,
            Diff = settings.Diff,
            ExtraVars = settings.ExtraVars.Select(v => v.StartsWith('@') ? "@" + new Cake.Core.IO.FilePath(v[1..]).MakeAbsolute(context.Environment).FullPath : v).ToList(),
            VaultPasswordFile = settings.VaultPasswordFile?.MakeAbsolute(context.Environment).FullPath,
        },
    };

    public static string WorkspaceDirectory(ICakeContext context, PolycrateSettings settings) =>
        (settings.WorkspaceDirectory ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath;

    /// <summary>Runs a workflow or action; a failed run throws with every failed target and the action's exit code.</summary>
    public void Run(Func<WorkspaceRunner, RunOptions, CancellationToken, Task<RunReport>> run)
    {
        var report = Invoke(run);
        if (!report.Summary.Succeeded)
        {
            var failures = report.Summary.Results.Where(r => r.IsFailure).Select(RunMessages.Failure).ToList();
            var log = report.LogPath is null ? string.Empty : $"{Environment.NewLine}log: {report.LogPath}";
            throw new CakeException(report.Summary.ExitCode,
                $"Polycrate run {report.TransactionId} failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}{log}");
        }
    }

    public T Invoke<T>(Func<WorkspaceRunner, RunOptions, CancellationToken, Task<T>> call) =>
        InvokeEngine((loggers, token) => call(new WorkspaceRunner(loggers, new CakeRunObserver(context.Log)), Options, token));

    /// <summary>Loads the workspace (missing registry blocks allowed) and logs its warnings.</summary>
    public async Task<Workspace> LoadWorkspaceAsync(CakeLoggerFactory loggers, CancellationToken cancellationToken)
    {
        var loader = new WorkspaceLoader(loggers.CreateLogger<WorkspaceLoader>());
        var loaded = await loader.LoadAsync(WorkspaceDirectory(context, settings), new LoadOptions { Strict = settings.Strict, AllowMissingBlocks = true },
            cancellationToken);
        foreach (var warning in loaded.Warnings)
        {
            context.Log.Warning("{0}", warning.ToString());
        }

        return loaded.Workspace;
    }

    /// <summary>Runs any engine call with the alias conventions: Cake logging, Ctrl-C as cancellation, coded failures.</summary>
    public T InvokeEngine<T>(Func<CakeLoggerFactory, CancellationToken, Task<T>> call)
    {
        using var cancellation = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // Let the engine stop and remove the container; Cake then fails the task with the cancellation.
            e.Cancel = true;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            using var loggers = new CakeLoggerFactory(context.Log);
            return call(loggers, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (PolycrateException exception)
        {
            throw new CakeException(exception.ExitCode, $"{exception.Code}: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (cancellation.IsCancellationRequested)
        {
            throw new CakeException(130, "the Polycrate run was canceled; the running action was stopped", exception);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
