namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Codes of workspace diagnostics (PCB1xxx). Each is listed with its meaning in docs/diagnostics.md;
/// keep both in sync. Other ranges: 2xxx graph and scheduling, 3xxx containers, 4xxx registry, 5xxx secrets.
/// </summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "PCB1001";
    public const string UnexpectedType = "PCB1002";
    public const string UnknownKey = "PCB1003";
    public const string MissingRequired = "PCB1004";
    public const string InvalidValue = "PCB1005";
    public const string DuplicateName = "PCB1006";
    public const string WorkspaceFileMissing = "PCB1007";
    public const string ParentMissing = "PCB1010";
    public const string InheritanceCycle = "PCB1011";
    public const string UnknownBlockReference = "PCB1012";
    public const string UnknownActionReference = "PCB1013";
    public const string UnknownStepReference = "PCB1014";
    public const string StepCycle = "PCB1015";
    public const string ActionDefinition = "PCB1016";
    public const string ArtifactLinkMissing = "PCB1017";
    public const string TemplateFieldMissing = "PCB1018";
    public const string TemplateUnsupported = "PCB1019";
    public const string ActionFileMissing = "PCB1020";
    public const string SecretsFileLocked = "PCB1031";

    // Limits and meaning-preserving checks on hostile input (docs/limits.md).
    public const string YamlTooDeep = "PCB1040";
    public const string YamlTooManyNodes = "PCB1041";
    public const string FileNotReadable = "PCB1042";
    public const string PathOutsideWorkspace = "PCB1044";
    public const string MergeKey = "PCB1045";
}
