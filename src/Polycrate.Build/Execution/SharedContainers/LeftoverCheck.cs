using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Decides whether the steps so far left the shared container as it started, so the next step sees what a container of
/// its own would show. <see cref="Script"/> lists what a step could leave behind — processes still running, entries
/// in <c>/tmp</c>, <c>/var/tmp</c> and the home directory (four levels deep); the container's idle process writes the
/// listing once at the start (read back from its log, costing nothing unless a step wants to reuse the container), and
/// one exec lists again before a reuse. Tolerated: SSH control masters (<c>ssh</c> processes adopted by the init
/// process) and the <c>~/.ssh/known_hosts</c> they write, which are the point of sharing, and the directories Ansible
/// creates on every run (<c>~/.ansible</c>, <c>~/.ansible/tmp</c>; a file inside is listed). Not covered: changes elsewhere in the container's filesystem
/// (installing packages, editing /etc) — workflows whose steps do that use <c>--isolate-steps</c> (docs/execution.md).
/// The engine's own change list (<c>docker diff</c>) would cover everything but takes seconds on an 800 MB image.
/// </summary>
internal sealed class LeftoverCheck(DockerClient client, ILogger logger, string containerId, string? user)
{
    /// <summary>Marks the end of the idle process's listing in its log.</summary>
    public const string EndMarker = "polycrate-baseline-end";

    /// <summary>The listing; <c>$1</c> is the idle process's pid (its own <c>$$</c> when it lists itself).</summary>
    public const string Script = """
        I=${1:-$$}
        for d in /proc/[0-9]*; do
          p=${d#/proc/}
          if [ "$p" = 1 ] || [ "$p" = $$ ] || [ "$p" = "$I" ]; then continue; fi
          c=; pp=
          read -r c < "$d/comm" 2>/dev/null || continue
          while read -r k v _; do if [ "$k" = PPid: ]; then pp=$v; break; fi; done < "$d/status" 2>/dev/null
          if [ "$pp" = $$ ] || [ "$pp" = "$I" ]; then continue; fi
          if [ "$c" = ssh ] && [ "$pp" = 1 ]; then continue; fi
          echo "process $p $c"
        done
        for dir in /tmp /var/tmp "$HOME"; do
          if [ -d "$dir" ] && [ "$dir" != / ]; then
            find "$dir" -mindepth 1 -maxdepth 4 ! -path "$HOME/.ansible" ! -path "$HOME/.ansible/tmp" ! -path "$HOME/.ansible/cp" ! -path "$HOME/.ansible/cp/*" ! -path "$HOME/.ssh/known_hosts" ! -path "$HOME/.ssh/known_hosts.old" 2>/dev/null
          fi
        done | sort
        """;

    private (string Idle, string Listing)? _baseline;

    /// <summary>True when nothing but tolerated traces is new since the start; false also when that cannot be told.</summary>
    public async Task<bool> IsCleanAsync(CancellationToken cancellationToken)
    {
        try
        {
            _baseline ??= await ReadBaselineAsync(cancellationToken);
            if (_baseline is not { } baseline)
            {
                logger.LogDebug("Container {Id} has no readable start listing; the next step gets a fresh container", containerId);
                return false;
            }

            var now = await ListAsync(baseline.Idle, cancellationToken);
            if (now == baseline.Listing)
            {
                return true;
            }

            logger.LogDebug("A step left traces in container {Id}; the next step gets a fresh container:\n{Traces}", containerId,
                string.Join('\n', now.Split('\n').Except(baseline.Listing.Split('\n')).Take(20)));
            return false;
        }
        catch (ContainerException ex)
        {
            logger.LogDebug("Could not check container {Id} ({Message}); the next step gets a fresh container", containerId, ex.Message);
            return false;
        }
    }

    /// <summary>The idle process's pid and listing from its log; null when the log does not have them (logging driver without reads).</summary>
    private async Task<(string, string)?> ReadBaselineAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await client.ReadLogsAsync(containerId, new ContainerOutput(lines.Add, _ => { }), cancellationToken);
        var end = lines.IndexOf(EndMarker);
        if (end < 1 || !lines[0].StartsWith("idle ", StringComparison.Ordinal))
        {
            return null;
        }

        return (lines[0]["idle ".Length..], string.Join('\n', lines.Skip(1).Take(end - 1)));
    }

    private async Task<string> ListAsync(string idle, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var result = await new ExecRunner(client, logger).RunAsync(containerId, new ExecSpec { Command = ["sh", "-c", Script, "sh", idle], User = user },
            new ContainerOutput(lines.Add, _ => { }), TimeSpan.Zero, cancellationToken);
        if (result.ExitCode != 0 || result.OutputHeldOpen)
        {
            throw new ContainerException(ContainerErrorCodes.EngineError, $"the listing exited with code {result.ExitCode}");
        }

        return string.Join('\n', lines);
    }
}
