using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Builds a workspace's Dockerfile only when its input changed: the image tag carries the content hash of the
/// Dockerfile and build context, so an existing tag means an up-to-date image and costs no build. After building a
/// new tag it removes this workspace's older ones (<see cref="WorkspaceImagePruner"/>).
/// </summary>
internal sealed class WorkspaceImageBuilder
{
    private readonly DockerClient _client;
    private readonly ILogger _logger;

    public WorkspaceImageBuilder(DockerClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The build context and the tag it would get, without touching the engine.</summary>
    public static async Task<(BuildContext Context, string Tag)> PlanAsync(WorkspaceImageRequest request, CancellationToken cancellationToken)
    {
        var context = await BuildContextScanner.ScanAsync(
            request.WorkspaceRoot, request.Dockerfile, request.AdditionalExcludes, cancellationToken);
        return (context, WorkspaceImageTag.For(request.WorkspaceName, context.Hash));
    }

    public async Task<WorkspaceImageResult> EnsureImageAsync(WorkspaceImageRequest request, CancellationToken cancellationToken)
    {
        var (context, tag) = await PlanAsync(request, cancellationToken);
        if (await _client.InspectImageAsync(tag, cancellationToken) is not null)
        {
            _logger.LogDebug("Image {Tag} is up to date ({Files} context files unchanged)", tag, context.InputFiles.Count);
            return new WorkspaceImageResult(tag, Built: false, context.Hash, context.InputFiles);
        }

        _logger.LogInformation("Building image {Tag} from {Dockerfile} ({Files} context files)", tag, context.Dockerfile, context.InputFiles.Count);
        await _client.BuildImageAsync(
            new ImageBuildRequest
            {
                WriteContext = (body, ct) => BuildContextTar.WriteAsync(context, body, ct),
                Dockerfile = context.Dockerfile,
                Tags = [tag],
                Labels = new Dictionary<string, string>
                {
                    [WorkspaceImageTag.WorkspaceLabel] = request.WorkspaceName,
                    [WorkspaceImageTag.OwnerLabel] = WorkspaceImageTag.OwnerOf(request.WorkspaceRoot),
                    ["polycrate.context-hash"] = context.Hash,
                },
                OnOutput = request.OnBuildOutput ?? (line => _logger.LogDebug("{BuildOutput}", line)),
            },
            cancellationToken);
        // Every context change adds a tag: the ones this one replaces go now, so images do not pile up.
        await new WorkspaceImagePruner(_client, _logger).RemoveOlderAsync(request, tag, cancellationToken);
        return new WorkspaceImageResult(tag, Built: true, context.Hash, context.InputFiles);
    }
}
