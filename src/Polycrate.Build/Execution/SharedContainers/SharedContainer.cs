using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// One container a run's steps take turns in: started once with an idle process, then one exec per step. Its private
/// directory holds the staged files of the step that runs (see <see cref="StepFiles"/>) and the SSH control sockets
/// that let Ansible's connections outlive a step (mounted at <c>/root/.ansible/cp</c>, Ansible's default
/// <c>control_path_dir</c>) and, for root containers, the warm-start zygotes' directory (<see cref="WarmStart"/>). It
/// stays reusable only while steps leave no trace (<see cref="LeftoverCheck"/>, run inside each step's exec).
/// </summary>
internal sealed class SharedContainer
{
    /// <summary>Where the control sockets appear in the container: Ansible's default <c>control_path_dir</c> for root.</summary>
    public const string ControlPathDirectory = "/root/.ansible/cp";

    /// <summary>
    /// The container's main process: idles until removed, deaf to SIGTERM (only removal ends it, so cancelling one
    /// step's process never takes the container down under another). Started as <c>polycrate-idle-TOKEN</c> ($0) so the
    /// leftover check (<see cref="LeftoverCheck"/>) can leave it and its <c>sleep</c> out of its listing.
    /// </summary>
    private const string IdleScript = "trap '' TERM INT HUP\nsleep infinity 2>/dev/null; while :; do sleep 3600; done";

    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    private readonly DockerClient _client;
    private readonly ILogger _logger;
    private readonly string _idleToken;
    private readonly string? _user;
    private readonly bool _warm;
    private string? _startChecksum;

    private SharedContainer(DockerClient client, ILogger logger, string id, string directory, SharedContainerKey key, string idleToken, string? user, bool warm)
    {
        _warm = warm;
        _client = client;
        _logger = logger;
        Id = id;
        Directory = directory;
        Key = key;
        _idleToken = idleToken;
        _user = user;
    }

    public string Id { get; }

    /// <summary>The container's private directory on the host (0700, below the run directory).</summary>
    public string Directory { get; }

    public SharedContainerKey Key { get; }

    /// <summary>
    /// Creates and starts the container for launches like <paramref name="launch"/>, with its files staged. The create
    /// is the image check: when the engine has no such image, <paramref name="provideMissingImage"/> (if any) makes it
    /// available and the create is tried once more (<see cref="ContainerCreation.CreateProvidingAsync"/>).
    /// </summary>
    public static async Task<SharedContainer> StartAsync(DockerClient client, ILogger logger, ActionLaunch launch, SharedContainerKey key, string directory,
        ImageAtCreate? provideMissingImage, CancellationToken cancellationToken)
    {
        PrivateDirectory.Create(Path.GetDirectoryName(directory)!, directory);
        // Mount sources must exist before the create, or the engine makes directories of them.
        await StepFiles.StageAsync(launch, directory, cancellationToken);
        var binds = launch.Mounts.Select(m => StepFiles.Staged(launch, m, directory)).Select(m => new BindMount(m.HostPath, m.ContainerPath, m.ReadOnly)).ToList();
        var root = launch.Container.User is null or "root" or "0" or "0:0";
        if (root)
        {
            var sockets = Path.Combine(directory, "ssh-control");
            PrivateDirectory.Create(directory, sockets);
            binds.Add(new BindMount(sockets, ControlPathDirectory));
            binds.Add(new BindMount(await WarmStart.CreateDirectoryAsync(directory, cancellationToken), WarmStart.ContainerDirectory));
        }

        var labels = launch.Labels.Where(l => l.Key is not ("polycrate.block" or "polycrate.action")).ToDictionary(l => l.Key, l => l.Value);
        labels["polycrate.container-scope"] = "run";
        var idleToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var spec = new ContainerSpec
        {
            Image = launch.Image!,
            Entrypoint = ["sh", "-c", IdleScript, LeftoverCheck.IdleNamePrefix + idleToken],
            Command = [],
            Binds = binds,
            Labels = labels,
            NetworkMode = launch.Container.NetworkMode,
            User = launch.Container.User,
            Privileged = launch.Container.Privileged,
            Init = launch.Container.Init,
            CapAdd = launch.Container.CapAdd,
            ExtraHosts = launch.Container.ExtraHosts,
        };

        var id = await ContainerCreation.CreateProvidingAsync(client, spec, provideMissingImage, logger, cancellationToken);

        var container = new SharedContainer(client, logger, id, directory, key, idleToken, launch.Container.User, warm: root);
        try
        {
            await client.StartContainerAsync(id, cancellationToken);
        }
        catch
        {
            await container.RemoveAsync();
            throw;
        }

        logger.LogDebug("Started shared container {Id} from {Image}", id, launch.Image);
        return container;
    }

    /// <summary>
    /// Runs one step as one exec with its own environment, working directory and command, behind the leftover check
    /// (<see cref="LeftoverCheck"/>). <see cref="StepOutcome.Ran"/> is false when earlier steps left traces: the step
    /// did not start and the caller replaces the container. Otherwise the step's exit code, and whether the container
    /// may serve the next step (false: the caller removes it).
    /// </summary>
    public async Task<StepOutcome> RunStepAsync(ActionLaunch launch, Action<string, bool> onOutputLine, StepTimeline timeline,
        CancellationToken cancellationToken)
    {
        await StepFiles.StageAsync(launch, Directory, cancellationToken);
        timeline.Mark("staged");
        var warm = _warm && WarmStart.Applies(launch.Command);
        var served = warm && timeline.Enabled ? WarmStart.Served(Directory) : 0;
        try
        {
            var verdict = new LeftoverVerdict(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), onOutputLine);
            var spec = new ExecSpec
            {
                Command = LeftoverCheck.Wrap(_idleToken, verdict.Nonce, _startChecksum,
                    warm ? WarmStart.Wrap(_idleToken, launch.Command) : launch.Command),
                Environment = launch.Environment.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)).ToList(),
                WorkingDirectory = launch.WorkingDirectory,
                User = _user,
            };
            var result = await new ExecRunner(_client, _logger).RunAsync(Id, spec, verdict.Output, TimeSpan.FromSeconds(3), cancellationToken, timeline.Mark);
            switch (verdict.State)
            {
                case LeftoverState.Traces:
                    _logger.LogDebug("A step left traces in container {Id}; this step gets a fresh container:\n{Traces}", Id, string.Join('\n', verdict.Traces));
                    return new StepOutcome(Ran: false, 0, Reusable: false);
                case LeftoverState.Clean:
                    _startChecksum ??= verdict.Checksum;
                    return new StepOutcome(Ran: true, (int)result.ExitCode, Reusable: !result.OutputHeldOpen);
                default:
                    _logger.LogDebug("Container {Id} could not be checked for leftovers ({State}); the next step gets a fresh container", Id, verdict.State);
                    return new StepOutcome(Ran: true, (int)result.ExitCode, Reusable: false);
            }
        }
        finally
        {
            if (warm && timeline.Enabled)
            {
                timeline.Note(WarmStart.Served(Directory) > served ? "warm Ansible start" : "Ansible started cold");
            }

            StepFiles.Clear(Directory);
            timeline.Mark("cleared");
        }
    }

    /// <summary>Removes the container (ending its SSH control masters) and its private directory; never throws.</summary>
    public async Task RemoveAsync()
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _client.RemoveContainerAsync(Id, timeout.Token);
            _logger.LogDebug("Removed shared container {Id}", Id);
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException or IOException or HttpRequestException)
        {
            _logger.LogWarning("Could not remove container {Id}: {Message}. Remove it with 'docker rm -f {Id}'.", Id, ex.Message, Id);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("Could not remove {Directory}: {Message}", Directory, ex.Message);
        }
    }
}
