using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Registry;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// Pushes one block of a loaded workspace: <see cref="BlockArtifactPlanner"/> decides the reference and tag (the block's
/// <c>version</c>), <see cref="BlockPublisher"/> uploads it and makes re-pushing identical content a no-op.
/// </summary>
internal sealed class BlockPushService
{
    private readonly RegistryClient _client;
    private readonly BlockArtifactPlanner _planner;
    private readonly ILogger _logger;

    public BlockPushService(RegistryClient client, Func<string, string?> getEnvironmentVariable, ILogger? logger = null)
    {
        _client = client;
        _planner = new BlockArtifactPlanner(getEnvironmentVariable);
        _logger = logger ?? NullLogger.Instance;
    }

    public Task<PushResult> PushAsync(Model.Workspace workspace, BlockPushOptions options, CancellationToken cancellationToken) =>
        new BlockPublisher(_client, _logger).PushAsync(_planner.Plan(workspace, options), cancellationToken);
}
