using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Model;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Runs;

/// <summary>
/// The image target's work: build the workspace's Dockerfile (Dockerfile.poly or <c>--dockerfile</c>) when its inputs
/// changed, else pull the workspace's image (or the default one) by the pull policy.
/// </summary>
internal static class WorkspaceImage
{
    /// <summary>
    /// The workspace's plain image reference (config.container.image or the default) when no Dockerfile is to be built,
    /// else null (<see cref="EnsureAsync"/> builds it, or reports a missing <c>--dockerfile</c>). Costs one stat, no engine call.
    /// </summary>
    public static string? PlainImage(Workspace workspace, RunOptions options) =>
        options.Dockerfile is null && !File.Exists(Path.Combine(workspace.RootPath, workspace.Settings.Dockerfile))
            ? workspace.Settings.Image ?? options.DefaultImage
            : null;

    /// <summary>Pulls an image a container create found missing (or refuses under 'never'), with the workspace's registry credentials.</summary>
    public static ImageAtCreate ProvideMissing(DockerClient docker, ImagePullPolicy policy, Func<string, string?> getVariable,
        ILoggerFactory loggers) =>
        new((image, cancellationToken) => new ImagePuller(docker, loggers.CreateLogger<ImagePuller>(), new RegistryAuthOptions(getVariable))
            .PullMissingAsync(image, policy, cancellationToken));

    public static async Task<WorkspaceImageResult> EnsureAsync(DockerClient docker, Workspace workspace, RunOptions options, Func<string, string?> getVariable,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var dockerfile = options.Dockerfile ?? workspace.Settings.Dockerfile;
        if (File.Exists(Path.Combine(workspace.RootPath, dockerfile)))
        {
            var logger = loggers.CreateLogger<WorkspaceImageBuilder>();
            return await new WorkspaceImageBuilder(docker, logger).EnsureImageAsync(new WorkspaceImageRequest
            {
                WorkspaceRoot = workspace.RootPath,
                WorkspaceName = workspace.Name,
                Dockerfile = dockerfile,
                // Logs and block artifacts (created before every action) change with runs; the SSH key must never end up in an image layer.
                AdditionalExcludes = [workspace.Settings.LogsRoot, workspace.Settings.SshPrivateKey, workspace.Settings.ArtifactsRoot + "/" + workspace.Settings.BlocksRoot],
                OnBuildOutput = line => logger.LogInformation("{BuildOutput}", line),
            }, cancellationToken);
        }

        if (options.Dockerfile is not null)
        {
            throw new ActionException($"--dockerfile {options.Dockerfile}: no such file in {workspace.RootPath}", code: DiagnosticCodes.DockerfileMissing, exitCode: 2);
        }

        var image = workspace.Settings.Image ?? options.DefaultImage;
        var pulled = await new ImagePuller(docker, loggers.CreateLogger<ImagePuller>(), new RegistryAuthOptions(getVariable)).EnsureImageAsync(image, options.Pull, cancellationToken);
        return new WorkspaceImageResult(image, Built: pulled, ContextHash: string.Empty, InputFiles: []);
    }
}
