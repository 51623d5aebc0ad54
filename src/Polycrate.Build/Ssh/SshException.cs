using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Ssh;

/// <summary>The SSH shortcut cannot connect: unknown host, no inventory, no ssh binary (PCB70xx, docs/diagnostics.md).</summary>
internal sealed class SshException(string message, string code, string? hint = null, int exitCode = 1)
    : PolycrateException(hint is null ? message : $"{message}. {hint}.")
{
    public const string UnknownHostCode = DiagnosticCodes.SshUnknownHost;
    public const string InventoryCode = DiagnosticCodes.SshInventory;
    public const string SshMissingCode = DiagnosticCodes.SshMissing;

    public override string Code { get; } = code;

    public override int ExitCode { get; } = exitCode;
}
