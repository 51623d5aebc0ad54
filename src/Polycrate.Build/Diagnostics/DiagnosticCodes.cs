namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Every diagnostic code, by name; the only place a <c>PCBnnnn</c> literal is written. Severity, meaning and the
/// per-front-end hint of each code are in <see cref="DiagnosticCatalog"/>; docs/diagnostics.md lists them all (a
/// test keeps the three in sync). Ranges: 1xxx workspace files, 2xxx graph and names, 3xxx containers and runs,
/// 4xxx registries and block packages, 5xxx secrets (50xx age, 51xx workspace encryption), 6xxx front ends, 7xxx limits, file system and integrations.
/// </summary>
public static class DiagnosticCodes
{
    // PCB1xxx: workspace and block files (carry file, line and column).
    public const string WorkspaceInvalid = "PCB1000";
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
    public const string NotSupported = "PCB1021";
    public const string ScriptPlaybookTemplatedHosts = "PCB1022";
    public const string SecretsFileLocked = "PCB1031";

    // Limits and meaning-preserving checks on hostile input (docs/limits.md).
    public const string YamlTooDeep = "PCB1040";
    public const string YamlTooManyNodes = "PCB1041";
    public const string FileNotReadable = "PCB1042";
    public const string PathOutsideWorkspace = "PCB1044";
    public const string MergeKey = "PCB1045";

    // PCB2xxx: target graph and names given on the command line.
    public const string GraphCycle = "PCB2001";
    public const string UnknownDependency = "PCB2002";
    public const string UnknownTarget = "PCB2003";
    public const string NotFound = "PCB2004";

    // PCB21xx: workflows export (CI pipelines).
    public const string ExportNoWorkspace = "PCB2101";
    public const string ExportNameClash = "PCB2102";
    public const string ExportOutsideRoot = "PCB2103";
    public const string ExportUnknownFormat = "PCB2104";

    // PCB3xxx: container engine, image builds, action runs.
    public const string EngineUnavailable = "PCB3001";
    public const string EngineError = "PCB3002";
    public const string StreamError = "PCB3003";
    public const string ApiVersionTooOld = "PCB3004";
    public const string InvalidEndpoint = "PCB3005";
    public const string ImageMissing = "PCB3006";
    public const string InvalidImageReference = "PCB3007";
    public const string InvalidBuildContext = "PCB3010";
    public const string UnexpectedResponse = "PCB3011";
    public const string EngineTimeout = "PCB3012";
    public const string InvalidContext = "PCB3013";
    public const string ActionFailed = "PCB3050";
    public const string PromptRefused = "PCB3051";
    public const string PromptDeclined = "PCB3052";
    public const string BlocksMissing = "PCB3053";
    public const string DockerFlag = "PCB3054";
    public const string DockerfileMissing = "PCB3055";
    public const string PrivateDirectoryUnsafe = "PCB3070";

    // PCB4xxx: OCI registries and block packages.
    public const string RegistryError = "PCB4000";
    public const string InvalidReference = "PCB4001";
    public const string DigestMismatch = "PCB4002";
    public const string TagExists = "PCB4003";
    public const string BlockPack = "PCB4004";
    public const string UnsafeArchive = "PCB4005";
    public const string Credentials = "PCB4006";
    public const string BlockPinMoved = "PCB4007";
    public const string InvalidBlockArtifact = "PCB4008";
    public const string UnsupportedImage = "PCB4009";
    public const string BlockPublish = "PCB4010";
    public const string BlockDirectoryConflict = "PCB4011";
    public const string PullLimit = "PCB4020";

    // PCB50xx: the age format.
    public const string AgeInvalidKey = "PCB5001";
    public const string AgeMalformedHeader = "PCB5002";
    public const string AgeNoIdentityMatched = "PCB5003";
    public const string AgeHeaderMacMismatch = "PCB5004";
    public const string AgePayloadAuthenticationFailed = "PCB5005";
    public const string AgeTruncated = "PCB5006";
    public const string AgeMalformedArmor = "PCB5007";
    public const string AgeWorkFactorTooHigh = "PCB5008";
    public const string AgeIncompatibleRecipients = "PCB5009";

    // PCB51xx: workspace encryption.
    public const string SecretsNoIdentity = "PCB5101";
    public const string SecretsNoRecipients = "PCB5102";
    public const string SecretsIdentityNotRecipient = "PCB5103";
    public const string SecretsPlaintextConflict = "PCB5104";
    public const string SecretsVerificationFailed = "PCB5105";
    public const string SecretsKeyFileMissing = "PCB5106";
    public const string SecretsFileExists = "PCB5107";
    public const string SecretsPlaceholderPlaintext = "PCB5108";

    // PCB6xxx: front ends (MSBuild SDK, Cake addin).
    public const string TargetFailed = "PCB6001";
    public const string TargetNameCollision = "PCB6002";
    public const string ReservedTargetName = "PCB6003";
    public const string Canceled = "PCB6004";
    public const string InvalidParameter = "PCB6005";
    public const string TargetsNotGenerated = "PCB6006";
    public const string ExportWorkflowMissing = "PCB6021";

    // PCB70xx: limits and the file system (docs/limits.md).
    public const string InvalidLimit = "PCB7001";
    public const string DiskFull = "PCB7002";
    public const string PathInTheWay = "PCB7003";
    public const string PathTooLong = "PCB7004";
    public const string PermissionDenied = "PCB7005";
    public const string FileOperationFailed = "PCB7006";
    public const string WorkspaceLocked = "PCB7010";

    // PCB71xx: git.
    public const string GitMissing = "PCB7100";
    public const string GitNotARepository = "PCB7101";
    public const string GitDirtyTree = "PCB7102";
    public const string GitNoUpstream = "PCB7103";
    public const string GitConflict = "PCB7104";
    public const string GitFailed = "PCB7105";
    public const string GitPushRejected = "PCB7106";

    // PCB72xx: events; PCB73xx: Ansible pass-through; PCB74xx: ssh.
    public const string EventDeliveryFailed = "PCB7201";
    public const string AnsiblePassThroughInvalid = "PCB7301";
    public const string AnsiblePassThroughFileMissing = "PCB7302";
    public const string SshUnknownHost = "PCB7401";
    public const string SshInventory = "PCB7402";
    public const string SshMissing = "PCB7403";
}
