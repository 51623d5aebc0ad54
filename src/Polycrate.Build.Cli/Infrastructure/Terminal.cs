namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Asking the user. Only when stdin is a terminal and not in CI: non-interactive runs never wait for input
/// (a prompt then needs --force).
/// </summary>
internal sealed class Terminal
{
    private readonly TextWriter _stderr;

    public Terminal(TextWriter stderr, bool canAsk)
    {
        _stderr = stderr;
        CanAsk = canAsk;
    }

    public bool CanAsk { get; }

    public static bool IsInteractive() =>
        !Console.IsInputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public async Task<bool> ConfirmAsync(string message, CancellationToken cancellationToken)
    {
        await _stderr.WriteAsync($"{message} [y/N] ");
        await _stderr.FlushAsync(cancellationToken);
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
