using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Polycrate.Build.IntegrationTests.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// Issue 11 item 3: within one workflow run Ansible's SSH connection to a host persists across steps (ControlMaster
/// sockets under the run's private directory): the sshd target (the sample targets' image, a container of its own on
/// a free loopback port) accepts one login for two playbook steps, two with <c>--isolate-steps</c>, and the connection
/// is closed when the run ends.
/// </summary>
[Collection(RunsCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class PersistentSshRunTests : IAsyncLifetime
{
    private readonly string _container = "polycrate-wfcontainer-sshd-" + Guid.NewGuid().ToString("N")[..8];
    private readonly TestWorkspace _workspace = TestWorkspace.Create("""
        workflows:
          - name: twice
            steps:
              - {name: first, block: fleet, action: ping}
              - {name: second, block: fleet, action: ping}
        """);

    public async Task InitializeAsync()
    {
        _workspace.Write("blocks/fleet/block.poly", "name: fleet\nactions: [{name: ping, playbook: ping.yml}]\n");
        _workspace.Write("blocks/fleet/ping.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - ansible.builtin.command: cat /etc/hostname
                  register: name
                - ansible.builtin.debug: {msg: "REACHED {{ name.stdout }} in {{ step.name }}"}
            """);
        var key = _workspace.PathOf("artifacts/secrets/id_ed25519");
        Directory.CreateDirectory(Path.GetDirectoryName(key)!);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "polycrate-persistent-ssh-test", "-f", key);
        var port = FreePort();
        await SampleTargets.DockerAsync(["run", "-d", "--name", _container, "--hostname", "sshtarget", "--label", "polycrate.test=wfcontainer",
            "-p", $"127.0.0.1:{port}:22", "-e", "SSH_AUTHORIZED_KEYS=" + File.ReadAllText(key + ".pub").Trim(), DockerEngineFixture.TargetImage]);
        await WaitForSshAsync(port);
        _workspace.Write("inventory.yml", $$"""
            all:
              vars: {ansible_host: 127.0.0.1, ansible_user: polycrate, ansible_python_interpreter: /usr/bin/python3}
              hosts:
                sshtarget: {ansible_port: {{port}}}
            """);
    }

    [Theory]
    [BothStepContainers]
    public async Task Two_steps_against_one_host_log_in_once_and_the_connection_ends_with_the_run(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "workflows", "run", "twice");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("REACHED sshtarget in first", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("REACHED sshtarget in second", run.Stdout, StringComparison.Ordinal);
        var log = await SshdLogAsync();
        Assert.True(Accepted().Count(log) == (mode == StepContainers.Shared ? 1 : 2), log);

        // The master connection is gone once the run has ended (its container was removed): no session process of the
        // user is left on the target.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await SessionsAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(0, await SessionsAsync());
    }

    private async Task<int> SessionsAsync() => int.Parse(
        (await SampleTargets.DockerAsync(["exec", _container, "sh", "-c", "grep -ls 'sshd: polycrat[e]' /proc/[0-9]*/cmdline | wc -l"])).Trim(),
        System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("Accepted publickey for polycrate")]
    private static partial Regex Accepted();

    private async Task<string> SshdLogAsync()
    {
        var start = new ProcessStartInfo("docker", ["logs", _container]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + stderr;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForSshAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                using var reader = new StreamReader(client.GetStream());
                if ((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2)))?.StartsWith("SSH-", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"sshd on 127.0.0.1:{port} did not answer");
            await Task.Delay(200);
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }

    public async Task DisposeAsync()
    {
        try
        {
            await SampleTargets.DockerAsync(["rm", "-f", _container]);
        }
        catch (InvalidOperationException)
        {
        }

        _workspace.Dispose();
    }
}
