using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Execution;

/// <summary>An action could not run or was refused (prompt, template block, runtime missing). Exit code 1.</summary>
internal sealed class ActionException : PolycrateException
{
    public ActionException(string message, string? hint = null, string code = DiagnosticCodes.ActionFailed, int exitCode = 1)
        : base(hint is null ? message : $"{message}. {hint}.")
    {
        Code = code;
        ExitCode = exitCode;
    }

    public override string Code { get; }

    public override int ExitCode { get; }

    // Aliases of DiagnosticCodes, kept for the call sites that use them.
    public const string PromptRefusedCode = DiagnosticCodes.PromptRefused;
    public const string PromptDeclinedCode = DiagnosticCodes.PromptDeclined;
    public const string BlocksMissingCode = DiagnosticCodes.BlocksMissing;
    public const string DockerFlagCode = DiagnosticCodes.DockerFlag;
    public const string DockerfileMissingCode = DiagnosticCodes.DockerfileMissing;
}
