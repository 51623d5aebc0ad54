using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Git;

/// <summary>A git operation of <c>workspace pull/push/sync</c> failed (PCB71xx, docs/diagnostics.md). Exit code 1.</summary>
public sealed class GitException(string message, string code, string? hint = null)
    : PolycrateException(hint is null ? message : $"{message}. {hint}.")
{
    public const string GitMissingCode = "PCB7100";
    public const string NotARepositoryCode = "PCB7101";
    public const string DirtyTreeCode = "PCB7102";
    public const string NoUpstreamCode = "PCB7103";
    public const string ConflictCode = "PCB7104";
    public const string GitFailedCode = "PCB7105";
    public const string PushRejectedCode = "PCB7106";

    public override string Code { get; } = code;
}
