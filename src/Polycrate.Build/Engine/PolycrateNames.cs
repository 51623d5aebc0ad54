using Polycrate.Build.Loading;
using Polycrate.Build.Registry;
using Polycrate.Build.Secrets;

namespace Polycrate.Build.Engine;

/// <summary>File names, variables and markers front ends name in help texts and messages (reference §3, §7, §10).</summary>
public static class PolycrateNames
{
    /// <summary>The workspace file at the workspace root: <c>workspace.poly</c>.</summary>
    public const string WorkspaceFile = WorkspaceLoader.WorkspaceFileName;

    /// <summary>The pins of installed registry blocks at the workspace root: <c>blocks.lock</c>.</summary>
    public const string BlockLockFile = WorkspaceBlocks.BlockLockFile.FileName;

    /// <summary>The variable naming the registry for references without host: <c>POLYCRATE_REGISTRY_URL</c>.</summary>
    public const string RegistryVariable = DefaultRegistry.Variable;

    /// <summary>Polycrate's own registry, the last default for pulls (pushes have none).</summary>
    public const string PolycrateRegistry = DefaultRegistry.Polycrate;

    /// <summary>The workspace's age recipients file at the workspace root: <c>.age-recipients</c>.</summary>
    public const string RecipientsFile = Secrets.WorkspaceSecrets.RecipientsFile.DefaultName;

    /// <summary>What a secret value is shown as wherever people or files see it.</summary>
    public const string SecretMask = SecretNames.Mask;
}
