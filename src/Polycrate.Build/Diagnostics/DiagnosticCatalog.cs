using static Polycrate.Build.Diagnostics.DiagnosticCodes;

namespace Polycrate.Build.Diagnostics;

/// <summary>
/// The one catalog of diagnostics: every code of <see cref="DiagnosticCodes"/> with severity, meaning and, where the
/// fix is an option, the hint for each front end. docs/diagnostics.md lists the same codes (a test checks both ways).
/// A new code: a constant in <see cref="DiagnosticCodes"/>, a row here, a row in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;

    /// <summary>Fix for PCB3051: confirm prompts in non-interactive runs.</summary>
    internal static readonly FrontEndHint ForceHint = new(
        "pass --force to confirm in non-interactive runs",
        "set PolycrateForce=true to confirm in non-interactive builds",
        "set Force = true in the settings to confirm in non-interactive runs");

    /// <summary>Fix for PCB3053: let the run install missing registry blocks.</summary>
    internal static readonly FrontEndHint BlocksAutoPullHint = new(
        "pass --blocks-auto-pull", "set PolycrateBlocksAutoPull=true", "set BlocksAutoPull = true in the settings");

    /// <summary>Why warnings failed a load (PCB1000).</summary>
    internal static readonly FrontEndHint StrictHint = new(
        "--strict treats warnings as errors", "PolycrateStrict=true treats warnings as errors", "Strict = true treats warnings as errors");

    /// <summary>Fix for PCB4003: overwrite an existing version tag.</summary>
    internal static readonly FrontEndHint PushForceHint = new(
        "pass --force to overwrite the tag", "set PolycratePushForce=true to overwrite the tag", "set Force = true in the settings to overwrite the tag");

    /// <summary>Fix for PCB1007: point at the folder that holds workspace.poly.</summary>
    internal static readonly FrontEndHint WorkspaceDirectoryHint = new(
        "pass the workspace directory with -w DIR",
        "set PolycrateWorkspaceDirectory to the folder with workspace.poly (default: the project's folder)",
        "set WorkspaceDirectory in the settings to the folder with workspace.poly (default: the working directory)");

    /// <summary>Fix for PCB1031: give the age key. Builds and Cake runs have no --identity; the variable works everywhere.</summary>
    internal static readonly FrontEndHint EncryptionKeyHint = new(
        "=AGE-SECRET-KEY-… or pass --identity FILE",
        "=AGE-SECRET-KEY-… in the environment of the build",
        "=AGE-SECRET-KEY-… in the environment of the Cake run");

    /// <summary>How to name a run (PCB2004, after the list of what there is): a workflow, or a block's action.</summary>
    internal static readonly FrontEndHint RunNameHint = new(
        "run a workflow with 'run WORKFLOW', an action with 'run BLOCK ACTION'",
        "build a workflow with -t:WORKFLOW, an action with -t:BLOCK_ACTION, or name them in PolycrateRunWorkflow / PolycrateRunAction (-t:PolycrateHelp lists the targets)",
        "run a workflow with PolycrateWorkflow(\"WORKFLOW\"), an action with PolycrateRun(\"BLOCK\", \"ACTION\") (PolycrateRegisterTasks names the tasks WORKFLOW and BLOCK_ACTION)");

    /// <summary>Every descriptor, in code order.</summary>
    internal static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        new(WorkspaceInvalid, E, "the workspace is invalid", StrictHint),
        new(YamlSyntax, E, "YAML syntax error"),
        new(UnexpectedType, E, "a value has the wrong type"),
        new(UnknownKey, DiagnosticSeverity.Warning, "unknown key"),
        new(MissingRequired, E, "a required key is missing"),
        new(InvalidValue, E, "a value is not allowed"),
        new(DuplicateName, E, "a name is used twice"),
        new(WorkspaceFileMissing, E, "no workspace.poly in the workspace directory", WorkspaceDirectoryHint),
        new(ParentMissing, E, "from: names a parent block that does not exist"),
        new(InheritanceCycle, E, "from: inheritance forms a cycle"),
        new(UnknownBlockReference, E, "a step or link names a block that does not exist"),
        new(UnknownActionReference, E, "a step names an action its block does not have"),
        new(UnknownStepReference, E, "needs: names a step that does not exist"),
        new(StepCycle, E, "needs: forms a cycle"),
        new(ActionDefinition, E, "an action is not runnable"),
        new(ArtifactLinkMissing, E, "an inventory:/kubeconfig: link points at a missing block or file"),
        new(TemplateFieldMissing, E, "a script line's template names a field that does not exist"),
        new(TemplateUnsupported, E, "a script line uses a template construct other than a plain field reference"),
        new(ActionFileMissing, DiagnosticSeverity.Warning, "an action's playbook, or a file its script runs from the block, does not exist (an error when that action runs)"),
        new(NotSupported, DiagnosticSeverity.Warning, "a Polycrate setting or file polycrate-build does not support is present and has no effect"),
        new(ScriptPlaybookTemplatedHosts, DiagnosticSeverity.Warning, "a playbook a script starts picks its hosts with Polycrate variables, which only a playbook: action (or -e @snapshot) provides at that point"),
        new(ConfigTemplate, DiagnosticSeverity.Warning, "a config value uses a Go template field; config values are not templated"),
        new(ChangelogInvalid, DiagnosticSeverity.Warning, "a block's changelog (CHANGELOG.poly or changelog:) is malformed; its bad entries are left out"),
        new(SecretsFileLocked, DiagnosticSeverity.Warning, "secrets.poly.age exists but no key is set, so its values are not applied", EncryptionKeyHint),
        new(YamlTooDeep, E, "YAML nests deeper than the limit"),
        new(YamlTooManyNodes, E, "YAML stands for more values than the limit once aliases are expanded"),
        new(FileNotReadable, E, "a workspace or block file is not a readable regular file of an accepted size"),
        new(PathOutsideWorkspace, E, "a path setting leads outside the workspace"),
        new(MergeKey, E, "a YAML merge key has a value that is neither a mapping nor a list of mappings"),
        new(LogsDespiteInvalidWorkspace, DiagnosticSeverity.Warning, "workspace.poly does not load; logs list / logs inspect read the run logs anyway"),
        new(SecretsForUnknownBlock, DiagnosticSeverity.Warning, "secrets.poly sets config for a block the workspace does not have"),
        new(GraphCycle, E, "the target graph has a cycle"),
        new(UnknownDependency, E, "a target depends on a target that does not exist"),
        new(UnknownTarget, E, "there is no target by that id"),
        new(NotFound, E, "a block, action, workflow or step named on the command line does not exist", RunNameHint),
        new(UninstallLocalBlock, E, "blocks uninstall refuses a block that was not pulled from a registry (its files exist nowhere else)"),
        new(ExportNoWorkspace, E, "workflows export --workspaces matched no workspace"),
        new(ExportNameClash, E, "two exported workspaces would get the same job name"),
        new(ExportOutsideRoot, E, "an exported workspace lies outside the CI project root"),
        new(ExportUnknownFormat, E, "unknown CI format"),
        new(EngineUnavailable, E, "no container engine answers"),
        new(EngineError, E, "the engine answered with an error status"),
        new(StreamError, E, "a pull or build progress stream reported an error"),
        new(ApiVersionTooOld, E, "the engine's API version is too old"),
        new(InvalidEndpoint, E, "DOCKER_HOST cannot be understood"),
        new(ImageMissing, E, "an image is missing and the pull policy forbids pulling it"),
        new(InvalidImageReference, E, "an image reference or pull policy value cannot be understood"),
        new(InvalidBuildContext, E, "the build context or Dockerfile of an image build is invalid"),
        new(UnexpectedResponse, E, "the engine's answer could not be read"),
        new(EngineTimeout, E, "the engine did not answer in time, or a stream stalled"),
        new(InvalidContext, E, "the active docker context cannot be used"),
        new(ActionFailed, E, "an action could not be run"),
        new(PromptRefused, E, "a prompt needs confirmation and the run is non-interactive", ForceHint),
        new(PromptDeclined, E, "a prompt was declined"),
        new(BlocksMissing, E, "a block the run needs is not installed", BlocksAutoPullHint),
        new(DockerFlag, E, "a docker_flags entry is not supported"),
        new(DockerfileMissing, E, "the Dockerfile given with --dockerfile does not exist"),
        new(PrivateDirectoryUnsafe, E, "the private run folder is a link or belongs to another user"),
        new(RegistryError, E, "the registry answered with an error"),
        new(InvalidReference, E, "an image/block reference cannot be parsed"),
        new(DigestMismatch, E, "downloaded content does not match its digest"),
        new(TagExists, E, "the tag already exists in the registry", PushForceHint),
        new(BlockPack, E, "a block directory cannot be packed"),
        new(UnsafeArchive, E, "a block archive contains an unsafe path or file type"),
        new(Credentials, E, "registry credentials cannot be read"),
        new(BlockPinMoved, E, "the tag now points at another digest than blocks.lock pins"),
        new(InvalidBlockArtifact, E, "a pulled block is invalid"),
        new(UnsupportedImage, E, "the artifact is not a Polycrate block"),
        new(BlockPublish, E, "a block cannot be published as asked"),
        new(BlockDirectoryConflict, E, "a pull would replace a block folder blocks.lock does not manage"),
        new(PullLimit, E, "a pulled artifact exceeds a limit"),
        new(AgeInvalidKey, E, "an age recipient, identity or key file cannot be parsed"),
        new(AgeMalformedHeader, E, "the age header is malformed"),
        new(AgeNoIdentityMatched, E, "none of the identities can decrypt the file"),
        new(AgeHeaderMacMismatch, E, "the header MAC does not match"),
        new(AgePayloadAuthenticationFailed, E, "a payload chunk failed authentication"),
        new(AgeTruncated, E, "the file is truncated"),
        new(AgeMalformedArmor, E, "the ASCII armor is malformed"),
        new(AgeWorkFactorTooHigh, E, "an scrypt stanza asks for more work than accepted"),
        new(AgeIncompatibleRecipients, E, "the recipients cannot be combined"),
        new(SecretsNoIdentity, E, "no age identity configured"),
        new(SecretsNoRecipients, E, "no recipients for encryption"),
        new(SecretsIdentityNotRecipient, E, "the identity is not among the recipients"),
        new(SecretsPlaintextConflict, E, "decrypting would overwrite differing plaintext files"),
        new(SecretsVerificationFailed, E, "a freshly written .age file did not decrypt back to its plaintext"),
        new(SecretsKeyFileMissing, E, "a key or recipients file does not exist"),
        new(SecretsFileExists, E, "a file the command would create already exists"),
        new(SecretsPlaceholderPlaintext, E, "encrypt refused: an empty plaintext beside a non-empty .age file"),
        new(TargetFailed, E, "an action, step or workflow target failed"),
        new(TargetNameCollision, E, "two workflows/actions map to the same target or task name"),
        new(ReservedTargetName, E, "a workflow or action maps to a name the front end defines itself"),
        new(Canceled, E, "the build was canceled"),
        new(InvalidParameter, E, "a task parameter or setting has an invalid value"),
        new(TargetsNotGenerated, E, "the workspace targets are not generated yet"),
        new(ExportWorkflowMissing, E, "PolycrateExportPipeline was called without PolycrateExportWorkflow"),
        new(InvalidLimit, E, "a limit or timeout variable is not a positive number"),
        new(DiskFull, E, "the disk (or quota) is full"),
        new(PathInTheWay, E, "a file or folder is in the way of one being created"),
        new(PathTooLong, E, "a path or file name is too long for the file system"),
        new(PermissionDenied, E, "permission denied, or a read-only file system"),
        new(FileOperationFailed, E, "another file-system failure"),
        new(WorkspaceLocked, E, "another process held the workspace's blocks lock too long"),
        new(GitMissing, E, "git is not installed"),
        new(GitNotARepository, E, "the workspace is not inside a git repository"),
        new(GitDirtyTree, E, "tracked files have uncommitted changes"),
        new(GitNoUpstream, E, "the branch has no upstream and none can be chosen"),
        new(GitConflict, E, "local commits conflict with the remote's"),
        new(GitFailed, E, "another git failure, or a detached HEAD"),
        new(GitPushRejected, E, "the push was rejected: the remote has commits you do not have"),
        new(EventDeliveryFailed, E, "a required event could not be delivered"),
        new(AnsiblePassThroughInvalid, E, "an --extra-vars value cannot be understood"),
        new(AnsiblePassThroughFileMissing, E, "an --extra-vars @FILE or --vault-password-file does not exist"),
        new(SshUnknownHost, E, "the host is not in the inventory"),
        new(SshInventory, E, "no or an unreadable inventory for ssh"),
        new(SshMissing, E, "the ssh client is not installed"),
    ];

    /// <summary>The descriptor of <paramref name="code"/>, or null for a code not in the catalog.</summary>
    internal static DiagnosticDescriptor? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>
    /// Rewrites the CLI spelling of every catalog hint in <paramref name="text"/> (an exception message, a step
    /// error) to <paramref name="frontEnd"/>'s, so MSBuild and Cake users read the option they can set.
    /// </summary>
    public static string ForFrontEnd(string text, FrontEnd frontEnd)
    {
        if (frontEnd == FrontEnd.Cli)
        {
            return text;
        }

        foreach (var hint in All.Select(d => d.Hint).OfType<FrontEndHint>().Distinct())
        {
            text = text.Replace(hint.Cli, hint.For(frontEnd), StringComparison.Ordinal);
        }

        return text;
    }
}
