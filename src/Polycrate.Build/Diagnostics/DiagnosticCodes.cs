namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Every diagnostic code, by name; the only place a <c>PCBnnnn</c> literal is written. Severity, meaning and the
/// per-front-end hint of each code are in <see cref="DiagnosticCatalog"/>; docs/diagnostics.md lists them all (a
/// test keeps the three in sync). Ranges: 1xxx workspace files, 2xxx graph and names, 3xxx containers and runs,
/// 4xxx registries and block packages, 5xxx secrets (50xx age, 51xx workspace encryption), 6xxx front ends.
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

    // PCB2xxx: target graph and names given on the command line.
    public const string GraphCycle = "PCB2001";
    public const string UnknownDependency = "PCB2002";
    public const string UnknownTarget = "PCB2003";
    public const string NotFound = "PCB2004";

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
    public const string ActionFailed = "PCB3050";
    public const string PromptRefused = "PCB3051";
    public const string PromptDeclined = "PCB3052";
    public const string BlocksMissing = "PCB3053";
    public const string DockerFlag = "PCB3054";
    public const string DockerfileMissing = "PCB3055";

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

    // PCB6xxx: front ends (MSBuild SDK, Cake addin).
    public const string TargetFailed = "PCB6001";
    public const string TargetNameCollision = "PCB6002";
    public const string ReservedTargetName = "PCB6003";
    public const string Canceled = "PCB6004";
    public const string InvalidParameter = "PCB6005";
    public const string TargetsNotGenerated = "PCB6006";
}
