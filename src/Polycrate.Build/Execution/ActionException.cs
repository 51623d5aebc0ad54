using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Execution;

/// <summary>An action could not run or was refused (prompt, template block, runtime missing). Exit code 1.</summary>
public sealed class ActionException : PolycrateException
{
    public ActionException(string message, string? hint = null, string code = "PCB3050", int exitCode = 1)
        : base(hint is null ? message : $"{message}. {hint}.")
    {
        Code = code;
        ExitCode = exitCode;
    }

    public override string Code { get; }

    public override int ExitCode { get; }

    public const string PromptRefusedCode = "PCB3051";
    public const string PromptDeclinedCode = "PCB3052";
    public const string BlocksMissingCode = "PCB3053";
    public const string DockerFlagCode = "PCB3054";
    public const string DockerfileMissingCode = "PCB3055";
}
