using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Polycrate.Build.IntegrationTests.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// A workspace SSH key checked out with mode 0644 (as after git clone) still works: the action gets a 0600 copy
/// (issue 9.5). Runs a playbook against a real sshd target container of its own, on a free loopback port.
/// </summary>
[Collection(RunsCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SshKeyModeRunTests : IAsyncLifetime
{
    private readonly string _container = "polycrate-actionenv-sshd-" + Guid.NewGuid().ToString("N")[..8];
    private TestWorkspace? _workspace;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [BothStepContainers("id_rsa")]
    [BothStepContainers("artifacts/secrets/id_ed25519")]
    public async Task A_0644_key_reaches_the_target(string keyPath, StepContainers mode)
    {
        _workspace = TestWorkspace.Create("""
            blocks:
              - name: fleet
                actions: [{name: ping, playbook: ping.yml}]
            """);
        _workspace.Write("blocks/fleet/block.poly", "name: fleet\n");
        _workspace.Write("blocks/fleet/ping.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - ansible.builtin.ping: {}
                - ansible.builtin.command: cat /etc/hostname
                  register: name
                - ansible.builtin.debug: {msg: "REACHED {{ name.stdout }}"}
            """);
        var key = _workspace.PathOf(keyPath);
        Directory.CreateDirectory(Path.GetDirectoryName(key)!);
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "polycrate-actionenv-test", "-f", key);
        File.SetUnixFileMode(key, (UnixFileMode)0b110_100_100);
        var port = FreePort();
        await SampleTargets.DockerAsync(["run", "-d", "--name", _container, "--hostname", "keytarget", "--label", "polycrate.test=actionenv",
            "-p", $"127.0.0.1:{port}:22", "-e", "SSH_AUTHORIZED_KEYS=" + File.ReadAllText(key + ".pub").Trim(), DockerEngineFixture.TargetImage]);
        await WaitForSshAsync(port);
        _workspace.Write("inventory.yml", $$"""
            all:
              vars: {ansible_host: 127.0.0.1, ansible_user: polycrate, ansible_python_interpreter: /usr/bin/python3}
              hosts:
                keytarget: {ansible_port: {{port}}}
            """);

        var run = await _workspace.RunAsync(mode, "run", "fleet", "ping");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("REACHED keytarget", run.Stdout, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(key));
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
                var banner = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2));
                if (banner?.StartsWith("SSH-", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"sshd on 127.0.0.1:{port} did not answer");
            }

            await Task.Delay(200);
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
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

        _workspace?.Dispose();
    }
}
