namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Every diagnostic code, by name (internal except the five the front ends raise themselves); the only place a <c>PCBnnnn</c> literal is written. Severity, meaning and the
/// per-front-end hint of each code are in <see cref="DiagnosticCatalog"/>; docs/diagnostics.md lists them all (a
/// test keeps the three in sync). Ranges: 1xxx workspace files, 2xxx graph and names, 3xxx containers and runs,
/// 4xxx registries and block packages, 5xxx secrets (50xx age, 51xx workspace encryption), 6xxx front ends, 7xxx limits, file system and integrations.
/// </summary>
public static class DiagnosticCodes
{
    // PCB1xxx: workspace and block files (carry file, line and column).
    internal const string WorkspaceInvalid = "PCB1000";
    internal const string YamlSyntax = "PCB1001";
    internal const string UnexpectedType = "PCB1002";
    internal const string UnknownKey = "PCB1003";
    internal const string MissingRequired = "PCB1004";
    internal const string InvalidValue = "PCB1005";
    internal const string DuplicateName = "PCB1006";
    internal const string WorkspaceFileMissing = "PCB1007";
    internal const string ParentMissing = "PCB1010";
    internal const string InheritanceCycle = "PCB1011";
    internal const string UnknownBlockReference = "PCB1012";
    internal const string UnknownActionReference = "PCB1013";
    internal const string UnknownStepReference = "PCB1014";
    internal const string StepCycle = "PCB1015";
    internal const string ActionDefinition = "PCB1016";
    internal const string ArtifactLinkMissing = "PCB1017";
    internal const string TemplateFieldMissing = "PCB1018";
    internal const string TemplateUnsupported = "PCB1019";
    internal const string ActionFileMissing = "PCB1020";
    internal const string NotSupported = "PCB1021";
    internal const string ScriptPlaybookTemplatedHosts = "PCB1022";

    /// <summary>PCB1023: a config value uses a Go template field (<c>{{ .Workspace… }}</c>); config values are never templated (warning).</summary>
    internal const string ConfigTemplate = "PCB1023";

    /// <summary>PCB1024: a block's CHANGELOG.poly or <c>changelog:</c> is malformed; its bad entries are left out (warning).</summary>
    internal const string ChangelogInvalid = "PCB1024";

    internal const string SecretsFileLocked = "PCB1031";

    // Limits and meaning-preserving checks on hostile input (docs/limits.md).
    internal const string YamlTooDeep = "PCB1040";
    internal const string YamlTooManyNodes = "PCB1041";
    internal const string FileNotReadable = "PCB1042";
    internal const string PathOutsideWorkspace = "PCB1044";
    internal const string MergeKey = "PCB1045";
    internal const string LogsDespiteInvalidWorkspace = "PCB1046";
    internal const string SecretsForUnknownBlock = "PCB1047";

    // PCB2xxx: target graph and names given on the command line.
    internal const string GraphCycle = "PCB2001";
    internal const string UnknownDependency = "PCB2002";
    internal const string UnknownTarget = "PCB2003";
    internal const string NotFound = "PCB2004";
    internal const string UninstallLocalBlock = "PCB2005";

    // PCB21xx: workflows export (CI pipelines).
    internal const string ExportNoWorkspace = "PCB2101";
    internal const string ExportNameClash = "PCB2102";
    internal const string ExportOutsideRoot = "PCB2103";
    internal const string ExportUnknownFormat = "PCB2104";

    // PCB3xxx: container engine, image builds, action runs.
    internal const string EngineUnavailable = "PCB3001";
    internal const string EngineError = "PCB3002";
    internal const string StreamError = "PCB3003";
    internal const string ApiVersionTooOld = "PCB3004";
    internal const string InvalidEndpoint = "PCB3005";
    internal const string ImageMissing = "PCB3006";
    internal const string InvalidImageReference = "PCB3007";
    internal const string InvalidBuildContext = "PCB3010";
    internal const string UnexpectedResponse = "PCB3011";
    internal const string EngineTimeout = "PCB3012";
    internal const string InvalidContext = "PCB3013";
    internal const string ActionFailed = "PCB3050";
    internal const string PromptRefused = "PCB3051";
    internal const string PromptDeclined = "PCB3052";
    internal const string BlocksMissing = "PCB3053";
    internal const string DockerFlag = "PCB3054";
    internal const string DockerfileMissing = "PCB3055";
    internal const string PrivateDirectoryUnsafe = "PCB3070";

    // PCB4xxx: OCI registries and block packages.
    internal const string RegistryError = "PCB4000";
    internal const string InvalidReference = "PCB4001";
    internal const string DigestMismatch = "PCB4002";
    internal const string TagExists = "PCB4003";
    internal const string BlockPack = "PCB4004";
    internal const string UnsafeArchive = "PCB4005";
    internal const string Credentials = "PCB4006";
    internal const string BlockPinMoved = "PCB4007";
    internal const string InvalidBlockArtifact = "PCB4008";
    internal const string UnsupportedImage = "PCB4009";
    internal const string BlockPublish = "PCB4010";
    internal const string BlockDirectoryConflict = "PCB4011";
    internal const string PullLimit = "PCB4020";

    // PCB50xx: the age format.
    internal const string AgeInvalidKey = "PCB5001";
    internal const string AgeMalformedHeader = "PCB5002";
    internal const string AgeNoIdentityMatched = "PCB5003";
    internal const string AgeHeaderMacMismatch = "PCB5004";
    internal const string AgePayloadAuthenticationFailed = "PCB5005";
    internal const string AgeTruncated = "PCB5006";
    internal const string AgeMalformedArmor = "PCB5007";
    internal const string AgeWorkFactorTooHigh = "PCB5008";
    internal const string AgeIncompatibleRecipients = "PCB5009";

    // PCB51xx: workspace encryption.
    internal const string SecretsNoIdentity = "PCB5101";
    internal const string SecretsNoRecipients = "PCB5102";
    internal const string SecretsIdentityNotRecipient = "PCB5103";
    internal const string SecretsPlaintextConflict = "PCB5104";
    internal const string SecretsVerificationFailed = "PCB5105";
    internal const string SecretsKeyFileMissing = "PCB5106";
    internal const string SecretsFileExists = "PCB5107";
    internal const string SecretsPlaceholderPlaintext = "PCB5108";

    // PCB6xxx: front ends (MSBuild SDK, Cake addin).
    /// <summary>PCB6001: an action, step or workflow target failed in a front end (docs/diagnostics.md).</summary>
    public const string TargetFailed = "PCB6001";
    internal const string TargetNameCollision = "PCB6002";
    internal const string ReservedTargetName = "PCB6003";
    /// <summary>PCB6004: the run was canceled (Ctrl-C, SIGTERM, the IDE); the running container was stopped.</summary>
    public const string Canceled = "PCB6004";
    /// <summary>PCB6005: an MSBuild <c>Polycrate*</c> property or Cake setting has a value the engine refuses.</summary>
    public const string InvalidParameter = "PCB6005";
    /// <summary>PCB6006: the MSBuild SDK's generated targets are missing (restore did not run); named by Sdk.targets through <c>PolycrateCatalogError</c>.</summary>
    public const string TargetsNotGenerated = "PCB6006";

    /// <summary>PCB6021: <c>PolycrateExportPipeline</c> was called without a workflow; named by Sdk.targets through <c>PolycrateCatalogError</c>.</summary>
    public const string ExportWorkflowMissing = "PCB6021";

    // PCB70xx: limits and the file system (docs/limits.md).
    internal const string InvalidLimit = "PCB7001";
    internal const string DiskFull = "PCB7002";
    internal const string PathInTheWay = "PCB7003";
    internal const string PathTooLong = "PCB7004";
    internal const string PermissionDenied = "PCB7005";
    internal const string FileOperationFailed = "PCB7006";
    internal const string WorkspaceLocked = "PCB7010";

    // PCB71xx: git.
    internal const string GitMissing = "PCB7100";
    internal const string GitNotARepository = "PCB7101";
    internal const string GitDirtyTree = "PCB7102";
    internal const string GitNoUpstream = "PCB7103";
    internal const string GitConflict = "PCB7104";
    internal const string GitFailed = "PCB7105";
    internal const string GitPushRejected = "PCB7106";

    // PCB72xx: events; PCB73xx: Ansible pass-through; PCB74xx: ssh.
    internal const string EventDeliveryFailed = "PCB7201";
    internal const string AnsiblePassThroughInvalid = "PCB7301";
    internal const string AnsiblePassThroughFileMissing = "PCB7302";
    internal const string SshUnknownHost = "PCB7401";
    internal const string SshInventory = "PCB7402";
    internal const string SshMissing = "PCB7403";
}
