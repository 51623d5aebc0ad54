using System.CommandLine;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

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
        var result = await CreateEngine(loggers).LoadAsync(WorkspaceRequest(parse) with { AllowMissingBlocks = allowMissingBlocks }, cancellationToken);
        return result.Workspace;
    }

    /// <summary>The engine façade, reporting load warnings on stderr as they are found (runs and every other command alike).</summary>
    public PolycrateEngine CreateEngine(ILoggerFactory loggers) => new(loggers, warning => Stderr.WriteLine(warning.ToString()));

    /// <summary>
    /// The workspace named by -w, loaded as --strict says. Every workspace command first removes what a killed command
    /// left (file system only; runs also check the engine).
    /// </summary>
    public WorkspaceRequest WorkspaceRequest(ParseResult parse) => new(WorkspaceDirectory(parse)) { Strict = parse.GetValue(Options.Strict), ReapLeftovers = true };

    /// <summary>Writes data to stdout in the format chosen with -o (YAML chunk by chunk as rendered, not copied into one string first).</summary>
    public Task WriteDataAsync(ParseResult parse, ConfigValue data) =>
        parse.GetValue(Options.Output) == OutputFormat.Json ? Stdout.WriteAsync(ConfigText.Json(data)) : ConfigText.WriteYamlAsync(data, Stdout);

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
