using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Decides whether a step left the shared container as it found it, so the next step sees what a container of its own
/// would show. One exec lists what a step could leave behind — processes still running, entries in <c>/tmp</c>,
/// <c>/var/tmp</c> and the home directory (four levels deep) — and the container is reusable while that list equals
/// the one taken right after the start. Tolerated: SSH control masters (<c>ssh</c> processes adopted by the init
/// process), which are the point of sharing, and the directories Ansible creates on every run (<c>~/.ansible</c>,
/// <c>~/.ansible/tmp</c>; a file inside is listed). Not covered: changes elsewhere in the container's filesystem
/// (installing packages, editing /etc) — workflows whose steps do that use <c>--isolate-steps</c> (docs/execution.md).
/// The engine's own change list (<c>docker diff</c>) would cover everything but takes seconds on an 800 MB image.
/// </summary>
internal sealed class LeftoverCheck(DockerClient client, ILogger logger, string containerId, string? user)
{
    private const string Script = """
        for d in /proc/[0-9]*; do
          p=${d#/proc/}; [ "$p" = $$ ] && continue
          c=; pp=
          read -r c < "$d/comm" 2>/dev/null || continue
          while read -r k v _; do if [ "$k" = PPid: ]; then pp=$v; break; fi; done < "$d/status" 2>/dev/null
          [ "$pp" = $$ ] && continue
          if [ "$c" = ssh ] && [ "$pp" = 1 ]; then continue; fi
          echo "process $p $c"
        done
        for dir in /tmp /var/tmp "$HOME"; do
          if [ -d "$dir" ] && [ "$dir" != / ]; then
            find "$dir" -mindepth 1 -maxdepth 4 ! -path "$HOME/.ansible" ! -path "$HOME/.ansible/tmp" ! -path "$HOME/.ansible/cp" ! -path "$HOME/.ansible/cp/*" 2>/dev/null
          fi
        done | sort
        """;

    private string? _baseline;

    /// <summary>Takes the listing the container must return to after every step.</summary>
    public async Task RecordBaselineAsync(CancellationToken cancellationToken) => _baseline = await ListAsync(cancellationToken);

    /// <summary>True when the step left nothing behind but tolerated traces.</summary>
    public async Task<bool> IsCleanAsync(CancellationToken cancellationToken)
    {
        var now = await ListAsync(cancellationToken);
        if (now == _baseline)
        {
            return true;
        }

        logger.LogDebug("The step left traces in container {Id}; the next step gets a fresh container:\n{Traces}", containerId,
            string.Join('\n', now.Split('\n').Except((_baseline ?? string.Empty).Split('\n')).Take(20)));
        return false;
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var errors = new List<string>();
        var result = await new ExecRunner(client, logger).RunAsync(containerId, new ExecSpec { Command = ["sh", "-c", Script], User = user },
            new ContainerOutput(lines.Add, errors.Add), TimeSpan.Zero, cancellationToken);
        if (result.ExitCode != 0 || result.OutputHeldOpen)
        {
            throw new ContainerException(ContainerErrorCodes.EngineError,
                $"Checking shared container {containerId} failed (exit code {result.ExitCode}): {string.Join(' ', errors.Take(3))}. "
                + "The image needs a POSIX sh and find for shared step containers; run with --isolate-steps otherwise.");
        }

        return string.Join('\n', lines);
    }
}
