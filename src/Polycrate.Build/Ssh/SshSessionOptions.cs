namespace Polycrate.Build.Ssh;

/// <summary>One <c>ssh HOST [-- COMMAND…]</c> request.</summary>
public sealed record SshSessionOptions
{
    /// <summary>An inventory host name (Polycrate reference §12): its <c>ansible_host</c>, port and user are used.</summary>
    public required string Host { get; init; }

    /// <summary>Use this block's inventory instead of the workspace's.</summary>
    public string? Block { get; init; }

    /// <summary>Run this command non-interactively (no terminal requested); empty: an interactive login.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Receives ssh's output when a command runs (line by line; true = stderr). Null: ssh inherits the console.</summary>
    public Action<string, bool>? Output { get; init; }

    /// <summary>The command line recorded in the run log.</summary>
    public string? CommandLine { get; init; }
}
