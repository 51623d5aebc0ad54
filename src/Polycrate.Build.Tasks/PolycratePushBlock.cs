using Microsoft.Build.Framework;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Pushes a block to its registry tagged with its version (<c>polycrate-build blocks push</c>). Credentials are the
/// engine's registry auth (POLYCRATE_REGISTRY_* variables, then the Docker config and its credential helpers).
/// Re-pushing identical content uploads nothing; a version tag holding other content fails unless <see cref="Force"/>.
/// </summary>
public sealed class PolycratePushBlock : PolycrateBlockTask
{
    /// <summary>Move a version tag that already holds other content.</summary>
    public bool Force { get; set; }

    /// <summary>Also point <c>latest</c> at the pushed block.</summary>
    public bool TagLatest { get; set; }

    /// <summary>Registries (host or host:port) spoken to over plain HTTP; loopback registries always are.</summary>
    public string[] InsecureRegistries { get; set; } = [];

    /// <summary>Bytes of blobs actually uploaded (0 when the registry already had everything).</summary>
    [Output]
    public long BytesUploaded { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var workspace = await LoadWorkspaceAsync(loggers, reporter, cancellationToken);
        if (await SelectAsync(workspace, Force, TagLatest, cancellationToken) is not { } options)
        {
            return;
        }

        using var client = RegistryClientFactory.Create(RegistryAuthOptions.FromProcess(), InsecureRegistries, loggers);
        var result = await new BlockPushService(client, Environment.GetEnvironmentVariable, loggers.CreateLogger<BlockPushService>())
            .PushAsync(workspace, options, cancellationToken);
        Reference = $"{result.Reference.RepositoryReference}:{result.Reference.Tag}";
        Digest = result.Digest;
        BytesUploaded = result.BytesUploaded;
        Log.LogMessage(MessageImportance.High, "Polycrate: pushed {0}@{1} ({2} bytes uploaded{3})", Reference, Digest, BytesUploaded,
            result.AlreadyPresent ? "; the tag already held this content" : string.Empty);
    }
}
