using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Ssh;

/// <summary>
/// <c>ssh list</c> and <c>ssh HOST [-- COMMAND…]</c> (polycrate.md §12, done better): hosts come from the workspace
/// inventory (or a block's), with group and <c>all</c> vars applied; the host's <c>ssh</c> binary connects with a 0600
/// copy of the workspace key (or the agent from <c>SSH_AUTH_SOCK</c>), reusing one connection per host. Each session is
/// recorded as a run log (host, user, start, duration, exit code; never keys).
/// </summary>
internal sealed class SshShortcut(Workspace workspace, ILogger logger, Func<string, string?>? getVariable = null)
{
    private readonly Func<string, string?> _getVariable = getVariable ?? Environment.GetEnvironmentVariable;

    /// <summary>The inventory file: the block's (artifacts, <c>inventory.from</c>) with <paramref name="block"/>, else the workspace's.</summary>
    /// <exception cref="SshException">No inventory (PCB7402, exit code 2).</exception>
    public string InventoryPath(string? block)
    {
        var locator = new ArtifactLocator(workspace, new PathMapper(workspace, onHost: true));
        var path = block is null ? locator.WorkspaceInventory() : locator.Inventory(Lookup.Block(workspace, block));
        return path ?? throw new SshException(block is null ? $"the workspace has no inventory ({workspace.Settings.InventoryFile})" : $"block '{block}' has no inventory",
            SshException.InventoryCode, block is null ? NoWorkspaceInventoryHint(locator) : "create inventory.yml beside workspace.poly (or pass --block for a block's inventory)",
            exitCode: 2);
    }

    /// <summary>Names the blocks that do have an inventory (a provisioning block's artifacts), so the user knows which --block to pass.</summary>
    private string NoWorkspaceInventoryHint(ArtifactLocator locator)
    {
        var withInventory = workspace.Blocks.Where(b =>
        {
            try
            {
                return locator.Inventory(b) is not null;
            }
            catch (PolycrateException)
            {
                return false;
            }
        }).Select(b => b.Name).ToList();
        return withInventory.Count == 0
            ? "create inventory.yml beside workspace.poly (or pass --block for a block's inventory)"
            : $"pass --block {withInventory[0]} for its inventory (blocks with an inventory: {string.Join(", ", withInventory.Take(10))}), or create inventory.yml beside workspace.poly";
    }

    public IReadOnlyList<InventoryHost> List(string? block) => InventoryReader.Read(InventoryPath(block));

    /// <summary>Runs one session; returns ssh's exit code (the remote command's, or 255 when ssh itself failed).</summary>
    /// <exception cref="SshException">Unknown host (exit code 2, with the closest names) or no ssh binary.</exception>
    public async Task<int> ConnectAsync(SshSessionOptions options, CancellationToken cancellationToken)
    {
        var hosts = List(options.Block);
        var host = hosts.FirstOrDefault(h => h.Name == options.Host)
            ?? throw new SshException($"host '{options.Host}' is not in the inventory {Path.GetRelativePath(workspace.RootPath, InventoryPath(options.Block))}",
                SshException.UnknownHostCode, Closest(options.Host, hosts), exitCode: 2);
        var control = SshDirectories.Control(_getVariable);
        var session = SshDirectories.Session();
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        int exitCode;
        try
        {
            var key = await SshKeyCopy.CreateAsync(workspace, session, _getVariable, cancellationToken);
            if (key is null && string.IsNullOrEmpty(_getVariable("SSH_AUTH_SOCK")))
            {
                logger.LogWarning("ssh: the workspace has no SSH key and SSH_AUTH_SOCK is not set; ssh falls back to your own keys");
            }

            exitCode = await RunSshAsync(SshArguments.For(host, key, control, options.Command), options.Output, cancellationToken);
        }
        finally
        {
            Directory.Delete(session, recursive: true);
        }

        await RecordAsync(options, host, started, clock.Elapsed, exitCode);
        return exitCode;
    }

    private static string Closest(string name, IReadOnlyList<InventoryHost> hosts)
    {
        var closest = hosts.Select(h => h.Name).OrderBy(h => EditDistance.Compute(name, h)).ThenBy(h => h, StringComparer.Ordinal).Take(3).ToList();
        return closest.Count == 0 ? "the inventory has no hosts" : $"closest: {string.Join(", ", closest)} ('polycrate-build ssh list' shows all)";
    }

    private static async Task<int> RunSshAsync(IReadOnlyList<string> arguments, Action<string, bool>? output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ssh") { UseShellExecute = false, RedirectStandardOutput = output is not null, RedirectStandardError = output is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SshException("could not start ssh", SshException.SshMissingCode);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new SshException($"the ssh client is not installed ({ex.Message})", SshException.SshMissingCode, "install openssh-client (bash eng/install-prereqs.sh)");
        }

        using (process)
        {
            using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
            if (output is not null)
            {
                process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data, false); } };
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data, true); } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return process.ExitCode;
        }
    }

    private async Task RecordAsync(SshSessionOptions options, InventoryHost host, DateTimeOffset started, TimeSpan duration, int exitCode)
    {
        var log = new RunLog
        {
            TransactionId = Guid.NewGuid().ToString(),
            Workspace = workspace.Name,
            Command = options.CommandLine ?? $"polycrate-build ssh {host.Name}",
            User = Environment.UserName,
            Started = started,
            Finished = started + duration,
            Status = exitCode == 0 ? "succeeded" : "failed",
            ExitCode = exitCode,
            Version = ProductInfo.Version,
            Targets = [],
            Details = ConfigMap.Of(("ssh", ConfigMap.Of(
                ("host", ConfigScalar.String(host.Name)),
                ("address", ConfigScalar.String(host.Address)),
                ("port", ConfigScalar.Integer(host.Port)),
                ("user", host.User is null ? null : ConfigScalar.String(host.User)),
                ("interactive", ConfigScalar.Bool(options.Command.Count == 0)),
                ("duration_seconds", new ConfigScalar(ScalarKind.Float, duration.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))),
                ("exit_code", ConfigScalar.Integer(exitCode))))),
        };
        try
        {
            await new RunLogStore(workspace.RootPath, workspace.Settings.LogsRoot).WriteAsync(log, CancellationToken.None);
        }
        catch (IOException ex)
        {
            logger.LogWarning("Could not record the SSH session in the run log: {Message}", ex.Message);
        }
    }
}
