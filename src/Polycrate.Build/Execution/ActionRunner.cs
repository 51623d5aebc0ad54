using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Graph;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Execution;

/// <summary>
/// Runs one action once: confirms its prompt, decrypts the secrets it may need into the run directory, prepares the
/// action completely (<see cref="ActionEnvironmentBuilder"/>), writes its private files (never shared with a concurrent
/// run, removed afterwards), starts the process in the runtime and streams redacted output to the observer.
/// </summary>
internal sealed class ActionRunner
{
    private readonly IActionRuntime _runtime;
    private readonly IRunObserver _observer;
    private readonly RunOptions _options;
    private readonly IdentitySource _identity;
    private readonly ILoggerFactory _loggers;

    // One runner serves one run: its steps share the projected and rendered workspace/workflow sections.
    private readonly Snapshots.SnapshotCache _snapshots = new();

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
        ActionFileMissingException.ThrowIfMissing(context.Workspace, context.Block, context.Action);
        await ConfirmAsync(context, cancellationToken);

        var targetDirectory = Path.Combine(runDirectory, Sanitize(target.Id));
        PrivateDirectory.Create(runDirectory, targetDirectory);
        await using var secrets = await new SecretsProvisioner(_loggers.CreateLogger<SecretsProvisioner>())
            .ProvisionAsync(context.Workspace, _identity, targetDirectory, cancellationToken);
        // Pass-through extra vars are written to the action's private directory; the builder adds the invocation's
        // arguments, variables and mounts, so the snapshot shows them too.
        var ansible = await Ansible.AnsibleInvocation.PrepareAsync(_options.Ansible, context, targetDirectory, secrets.HostFiles, cancellationToken);
        // Everything the action gets is decided here, before anything is written.
        var prepared = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions
        {
            Ansible = ansible,
            RunDirectory = targetDirectory,
            Secrets = secrets,
            MountDockerSocket = _options.MountDockerSocket,
            Cache = _snapshots,
        });
        var redactor = await SecretRedactor.ForRunAsync(context.Workspace, context.Block, context.Action, secrets, cancellationToken);
        var logger = _loggers.CreateLogger<ActionRunner>();
        logger.LogDebug("Phase prepare done: {Block} {Action}: secrets, environment and snapshot prepared", context.Block.Name, context.Action.Name);
        try
        {
            await PreparedActionWriter.WriteAsync(prepared, targetDirectory, cancellationToken);
            logger.LogDebug("Phase write done: snapshot, vars plugin and key copy written");
            var exitCode = await _runtime.RunAsync(prepared.ToLaunch(), (line, isError) =>
            {
                if (Ansible.ReservedNameWarning.IsAboutPolycrateVariable(line))
                {
                    return;
                }

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
            PreparedActionWriter.Remove(prepared);
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
