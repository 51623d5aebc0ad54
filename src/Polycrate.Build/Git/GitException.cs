using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Git;

/// <summary>A git operation of <c>workspace pull/push/sync</c> failed (PCB71xx, docs/diagnostics.md). Exit code 1.</summary>
internal sealed class GitException(string message, string code, string? hint = null)
    : PolycrateException(hint is null ? message : $"{message}. {hint}.")
{
    public const string GitMissingCode = DiagnosticCodes.GitMissing;
    public const string NotARepositoryCode = DiagnosticCodes.GitNotARepository;
    public const string DirtyTreeCode = DiagnosticCodes.GitDirtyTree;
    public const string NoUpstreamCode = DiagnosticCodes.GitNoUpstream;
    public const string ConflictCode = DiagnosticCodes.GitConflict;
    public const string GitFailedCode = DiagnosticCodes.GitFailed;
    public const string PushRejectedCode = DiagnosticCodes.GitPushRejected;

    public override string Code { get; } = code;
}
