using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Removes the older tags of a workspace's image after a new one was built (each context change makes a new tag,
/// <see cref="WorkspaceImageTag"/>). Only tags of this workspace's repository on images labelled with this workspace's
/// name and checkout (<see cref="WorkspaceImageTag.OwnerLabel"/>) — never another checkout's, never an image a running
/// or stopped container uses, and never by force. Best effort: a tag that cannot be removed is a warning, the run goes on.
/// Images built by versions without the owner label are left alone (their checkout cannot be told).
/// </summary>
internal sealed class WorkspaceImagePruner(DockerClient client, ILogger logger)
{
    /// <summary>Removes the tags older than <paramref name="keepTag"/>; returns the removed ones.</summary>
    public async Task<IReadOnlyList<string>> RemoveOlderAsync(WorkspaceImageRequest request, string keepTag, CancellationToken cancellationToken)
    {
        var repository = WorkspaceImageTag.RepositoryFor(request.WorkspaceName);
        var removed = new List<string>();
        try
        {
            var owned = new Dictionary<string, string>
            {
                [WorkspaceImageTag.WorkspaceLabel] = request.WorkspaceName,
                [WorkspaceImageTag.OwnerLabel] = WorkspaceImageTag.OwnerOf(request.WorkspaceRoot),
            };
            var images = await client.ListImagesAsync(repository, owned, cancellationToken);
            var inUse = images.Count == 0 ? new HashSet<string>() : await client.ListContainerImageIdsAsync(cancellationToken);
            foreach (var image in images)
            {
                var older = image.RepoTags.Where(t => t.StartsWith(repository + ":", StringComparison.Ordinal) && t != keepTag).ToList();
                if (older.Count == 0)
                {
                    continue;
                }

                if (inUse.Contains(image.Id))
                {
                    logger.LogDebug("Keeping {Tags}: a container still uses it", string.Join(", ", older));
                    continue;
                }

                foreach (var tag in older)
                {
                    await RemoveAsync(tag, removed, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is ContainerException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not look for older images of workspace '{Workspace}' to remove: {Message}", request.WorkspaceName, ex.Message);
        }

        return removed;
    }

    private async Task RemoveAsync(string tag, List<string> removed, CancellationToken cancellationToken)
    {
        try
        {
            await client.RemoveImageAsync(tag, force: false, cancellationToken);
            removed.Add(tag);
            logger.LogInformation("Removed {Tag}, replaced by the new workspace image", tag);
        }
        catch (DockerApiException ex)
        {
            // E.g. 409: a container was created from it meanwhile. It stays; the next build tries again.
            logger.LogWarning("Could not remove the older workspace image {Tag}: {Message}", tag, ex.Message);
        }
    }
}
