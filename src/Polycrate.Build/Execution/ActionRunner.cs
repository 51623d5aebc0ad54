using Microsoft.Extensions.Logging;
using Polycrate.Build.Graph;
using Polycrate.Build.Secrets.Workspace;
using Polycrate.Build.Serialization;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Execution;

/// <summary>
/// Runs one action once: confirms its prompt, decrypts the secrets it may need into the run directory, writes its own
/// snapshot file (never shared with a concurrent run, removed afterwards), starts the process in the runtime and
/// streams redacted output to the observer.
/// </summary>
internal sealed class ActionRunner
{
    private readonly IActionRuntime _runtime;
    private readonly IRunObserver _observer;
    private readonly RunOptions _options;
    private readonly IdentitySource _identity;
    private readonly ILoggerFactory _loggers;

    public ActionRunner(IActionRuntime runtime, IRunObserver observer, RunOptions options, IdentitySource identity, ILoggerFactory loggers)
    {
        _runtime = runtime;
        _observer = observer;
        _options = options;
        _identity = identity;
        _loggers = loggers;
    }

    public async Task<TargetOutcome> RunAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken)
    {
        await ConfirmAsync(context, cancellationToken);

        var targetDirectory = Path.Combine(runDirectory, Sanitize(target.Id));
        Directory.CreateDirectory(targetDirectory);
        var snapshotHostPath = Path.Combine(targetDirectory, "snapshot.yml");
        context = context with { SnapshotPath = context.OnHost ? snapshotHostPath : ActionEnvironment.ContainerSnapshotPath };

        await using var secrets = await new SecretsProvisioner(_loggers.CreateLogger<SecretsProvisioner>())
            .ProvisionAsync(context.Workspace, _identity, targetDirectory, cancellationToken);
        context = context with { SecretFiles = secrets.HostFiles };
        var paths = new PathMapper(context.Workspace, context.OnHost);
        var environment = ActionEnvironment.Build(context, ProductInfo.Version);
        var mounts = ActionEnvironment.Mounts(context.Workspace, snapshotHostPath, _options.MountDockerSocket, secrets.HostFiles).Concat(secrets.Mounts).ToList();
        var snapshot = SnapshotBuilder.Build(context, environment, mounts, secrets.ToSecretsMap(paths));
        await PrivateFile.WriteAsync(snapshotHostPath, ConfigYamlWriter.Write(snapshot), cancellationToken);

        var ansible = await Ansible.AnsibleInvocation.PrepareAsync(_options.Ansible, context, targetDirectory, secrets.HostFiles, cancellationToken);
        var redactor = await SecretRedactor.ForRunAsync(context.Workspace, context.Block, context.Action, secrets, cancellationToken);
        var workdir = context.Block.Workdir ?? context.Workspace.RootPath;
        var launch = new ActionLaunch
        {
            Command = ActionCommand.For(context.Action, context.SnapshotPath, ansible.Arguments),
            WorkingDirectory = paths.ToRun(workdir),
            Environment = [.. environment, .. ansible.Environment],
            Image = context.Image,
            Mounts = [.. mounts, .. ansible.Mounts],
            DockerFlags = context.Workspace.Settings.DockerFlags,
            Labels = new Dictionary<string, string>
            {
                ["polycrate.txid"] = context.TransactionId,
                ["polycrate.workspace"] = context.Workspace.Name,
                ["polycrate.block"] = context.Block.Name,
                ["polycrate.action"] = context.Action.Name,
                ["polycrate.managed-by"] = "polycrate-build",
            },
        };

        _loggers.CreateLogger<ActionRunner>().LogDebug("Starting {Block} {Action}: secrets, environment and snapshot prepared", context.Block.Name, context.Action.Name);
        try
        {
            var exitCode = await _runtime.RunAsync(launch, (line, isError) =>
            {
                var clean = redactor.Redact(line);
                tail.Add(clean);
                _observer.Output(target, clean, isError);
            }, cancellationToken);
            return exitCode == 0
                ? TargetOutcome.Success
                : TargetOutcome.Failure(exitCode, $"{context.Block.Name} {context.Action.Name} exited with code {exitCode}");
        }
        finally
        {
            File.Delete(snapshotHostPath);
        }
    }

    private async Task ConfirmAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var message = context.Step?.Prompt ?? context.Action.Prompt;
        if (message is null || _options.Force)
        {
            return;
        }

        if (_options.Confirm is null)
        {
            throw new ActionException($"action '{context.Block.Name} {context.Action.Name}' asks for confirmation (\"{message}\") and there is no terminal to ask on",
                "pass --force to confirm in non-interactive runs", ActionException.PromptRefusedCode);
        }

        if (!await _options.Confirm(message, cancellationToken))
        {
            throw new ActionException($"action '{context.Block.Name} {context.Action.Name}' was not confirmed", code: ActionException.PromptDeclinedCode);
        }
    }

    private static string Sanitize(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
