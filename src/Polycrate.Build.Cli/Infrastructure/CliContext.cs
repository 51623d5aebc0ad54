using System.CommandLine;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>What every command needs: the global options, stdout for data, stderr for everything else.</summary>
internal sealed class CliContext
{
    public CliContext(GlobalOptions options, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Options = options;
        Stdout = stdout;
        Stderr = stderr;
        Terminal = new Terminal(stderr, interactive);
    }

    /// <summary>Asking the user; <see cref="Terminal.CanAsk"/> is false in tests, pipes and CI.</summary>
    public Terminal Terminal { get; }

    public GlobalOptions Options { get; }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    public string WorkspaceDirectory(ParseResult parse) => Path.GetFullPath(parse.GetValue(Options.Workspace) ?? ".");

    /// <summary>
    /// A logger factory writing to stderr. Built directly rather than through <c>LoggerFactory.Create</c>, whose
    /// dependency-injection container costs tens of milliseconds of start-up in a short-lived command.
    /// </summary>
    public ILoggerFactory CreateLoggerFactory(ParseResult parse) =>
        new LoggerFactory(
            [new StderrLoggerProvider(Stderr)],
            new LoggerFilterOptions { MinLevel = parse.GetValue(Options.Verbose) ? LogLevel.Debug : LogLevel.Information });

    /// <summary>Loads the workspace named by -w, printing warnings to stderr.</summary>
    public async Task<Workspace> LoadWorkspaceAsync(ParseResult parse, CancellationToken cancellationToken, bool allowMissingBlocks = false)
    {
        using var loggers = CreateLoggerFactory(parse);
        var workspace = await LoadAndWarnAsync(parse, loggers, allowMissingBlocks, cancellationToken);

        // Every workspace command first removes what a killed command left (file system only; runs also check the engine).
        await new OrphanReaper(loggers.CreateLogger<OrphanReaper>()).ReapAsync(workspace, docker: null, cancellationToken);
        return workspace;
    }

    /// <summary>
    /// Loads the workspace as a run will and prints its warnings (e.g. a missing playbook of another action) before the run
    /// starts; the engine's runner reports errors but not warnings.
    /// </summary>
    public async Task PrintLoadWarningsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var loggers = CreateLoggerFactory(parse);
        await LoadAndWarnAsync(parse, loggers, allowMissingBlocks: true, cancellationToken);
    }

    private async Task<Workspace> LoadAndWarnAsync(ParseResult parse, ILoggerFactory loggers, bool allowMissingBlocks, CancellationToken cancellationToken)
    {
        var loader = new WorkspaceLoader(loggers.CreateLogger<WorkspaceLoader>());
        var result = await loader.LoadAsync(WorkspaceDirectory(parse),
            new LoadOptions { Strict = parse.GetValue(Options.Strict), AllowMissingBlocks = allowMissingBlocks }, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            await Stderr.WriteLineAsync(warning.ToString());
        }

        return result.Workspace;
    }

    /// <summary>Writes data to stdout in the format chosen with -o.</summary>
    public Task WriteDataAsync(ParseResult parse, ConfigValue data) =>
        Stdout.WriteAsync(parse.GetValue(Options.Output) == OutputFormat.Json ? ConfigJsonWriter.Write(data) : ConfigYamlWriter.Write(data));

    /// <summary>Runs a command body, mapping failures to messages on stderr and exit codes (2 invalid input, 1 other, 130 canceled).</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (PolycrateException ex)
        {
            await Stderr.WriteLineAsync($"error {ex.Code}: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Stderr.WriteLineAsync("canceled");
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // File-system problems (permissions, full disk) are the user's to fix: a code, the path and what to do.
            var mapped = FileSystemException.From(ex);
            await Stderr.WriteLineAsync($"error {mapped.Code}: {mapped.Message}");
            return mapped.ExitCode;
        }
    }
}
