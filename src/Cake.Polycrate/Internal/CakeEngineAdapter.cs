using Cake.Core;
using Cake.Core.Diagnostics;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Model;
using Polycrate.Build.Reporting;
using Polycrate.Build.Runs;

namespace Cake.Polycrate.Internal;

/// <summary>
/// What every alias does around the engine façade: settings → <see cref="RunOptions"/>, engine logs and load warnings →
/// <see cref="ICakeLog"/>, Ctrl-C → cancellation (the engine stops the container), and failures →
/// <see cref="CakeException"/> carrying the engine's code, message (hints spelled as Cake settings) and exit code.
/// </summary>
internal sealed class CakeEngineAdapter(ICakeContext context, PolycrateSettings settings)
{
    public RunOptions Options => new()
    {
        WorkspaceDirectory = WorkspaceDirectory(context, settings),
        Strict = settings.Strict,
        Runtime = settings.Runtime,
        Pull = settings.Pull,
        MaxParallel = settings.MaxParallel > 0 ? settings.MaxParallel : throw Invalid($"MaxParallel = {settings.MaxParallel} is not valid: it must be 1 or more"),
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
        InsecureRegistries = [.. settings.InsecureRegistries],
        MountDockerSocket = settings.DockerSocket,
        ExtraEnv = [.. settings.Env.Select(e => RunInputs.ParseEnv(e) ?? throw Invalid($"Env '{e}': expected KEY=VALUE"))],
        ExtraMounts = [.. settings.Mount.Select(ParseMount)],
        LogLevel = settings.LogLevel is null or (>= 0 and <= 5) ? settings.LogLevel : throw Invalid($"LogLevel = {settings.LogLevel} is not valid: use a number from 0 to 5, or null for Ansible's default"),
        Command = "cake " + settings.GetType().Name,
    };

    /// <summary>As the CLI: a malformed entry or a source that does not exist is refused (the engine would create it root-owned).</summary>
    private MountEntry ParseMount(string value) =>
        RunInputs.ParseMount(value, context.Environment.WorkingDirectory.FullPath) is not { } mount
            ? throw Invalid($"Mount '{value}': expected SRC:DST[:ro] with an absolute DST")
            : File.Exists(mount.HostPath) || Directory.Exists(mount.HostPath) ? mount
            : throw Invalid($"Mount '{value}': the source {mount.HostPath} does not exist; create it first or fix the path");

    private static CakeException Invalid(string message) => new(2, $"{DiagnosticCodes.InvalidParameter}: {message}");

    public WorkspaceRequest Workspace => new(WorkspaceDirectory(context, settings)) { Strict = settings.Strict };

    public static string WorkspaceDirectory(ICakeContext context, PolycrateSettings settings) =>
        (settings.WorkspaceDirectory ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath;

    /// <summary>Runs a workflow or action; a failed run throws with every failed target and the action's exit code.</summary>
    public void Run(RunRequest request)
    {
        var report = Invoke((engine, token) => engine.RunAsync(request, Options, new CakeRunObserver(context.Log), token));
        if (!report.Summary.Succeeded)
        {
            var failures = report.Summary.Results.Where(r => r.IsFailure).Select(RunMessages.Failure).ToList();
            var log = report.LogPath is null ? string.Empty : $"{Environment.NewLine}log: {report.LogPath}";
            throw new CakeException(report.Summary.ExitCode,
                $"Polycrate run {report.TransactionId} failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}{log}");
        }
    }

    /// <summary>Runs any engine call with the alias conventions: Cake logging, Ctrl-C as cancellation, coded failures.</summary>
    public T Invoke<T>(Func<PolycrateEngine, CancellationToken, Task<T>> call)
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
            var shown = settings.LoadWarningsShown ?? new(StringComparer.Ordinal);
            var engine = new PolycrateEngine(loggers, warning =>
            {
                if (shown.TryAdd(warning.ToString(), true))
                {
                    context.Log.Warning("{0}", DiagnosticCatalog.ForFrontEnd(warning.ToString(), FrontEnd.Cake));
                }
            });
            return call(engine, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (PolycrateException exception)
        {
            throw new CakeException(exception.ExitCode, $"{exception.Code}: {DiagnosticCatalog.ForFrontEnd(exception.Message, FrontEnd.Cake)}", exception);
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
