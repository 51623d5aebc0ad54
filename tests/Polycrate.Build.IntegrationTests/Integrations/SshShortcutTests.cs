using System.Text.Json;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.Model;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>
/// <c>ssh list</c> and <c>ssh HOST -- COMMAND</c> with the host's ssh against the nightly-maintenance sample's sshd
/// targets: FQDN host names, ansible_port, the session in the run log, unknown and unreachable hosts.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class SshShortcutTests : IAsyncLifetime
{
    private TestWorkspace? _workspace;

    private TestWorkspace Workspace => _workspace!;

    public async Task InitializeAsync()
    {
        await SampleTargets.StartAsync("nightly-maintenance");
        _workspace = TestWorkspace.CopyOf(SampleTargets.SampleDirectory("nightly-maintenance"));
    }

    [Fact]
    public async Task List_shows_every_inventory_host_with_address_port_user_and_groups()
    {
        var table = await Workspace.RunAsync("ssh", "list");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Matches(@"db01\.acme-corp\.com\s+127\.0\.0\.1\s+22211\s+polycrate\s+db_servers", table.Stdout);
        Assert.Matches(@"app01\.acme-corp\.com\s+127\.0\.0\.1\s+22212\s+polycrate\s+web_servers", table.Stdout);

        var json = await Workspace.RunAsync("ssh", "list", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var hosts = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal(["db01.acme-corp.com", "app01.acme-corp.com"], hosts.Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(22212, hosts[1].GetProperty("port").GetInt32());
        Assert.Equal("web_servers", hosts[1].GetProperty("groups")[0].GetString());
    }

    [Fact]
    public async Task A_command_runs_on_the_host_with_its_exit_code_and_the_session_is_logged()
    {
        var uptime = await Workspace.RunAsync("ssh", "app01.acme-corp.com", "--", "uptime");
        Assert.True(uptime.ExitCode == 0, uptime.ToString());
        Assert.Contains("load average", uptime.Stdout, StringComparison.Ordinal);

        var hostname = await Workspace.RunAsync("ssh", "db01.acme-corp.com", "--", "hostname");
        Assert.True(hostname.ExitCode == 0, hostname.ToString());
        Assert.Equal("db01", hostname.Stdout.Trim());

        var failing = await Workspace.RunAsync("ssh", "app01.acme-corp.com", "--", "sh", "-c", "'echo to-stderr >&2; exit 3'");
        Assert.Equal(3, failing.ExitCode);
        Assert.Contains("to-stderr", failing.Stderr, StringComparison.Ordinal);

        var log = Workspace.LatestLog();
        var ssh = (ConfigMap)log.Content["ssh"]!;
        Assert.Equal(("app01.acme-corp.com", "22212", "polycrate", "3"), (ssh["host"]?.ToString(), ssh["port"]?.ToString(), ssh["user"]?.ToString(), ssh["exit_code"]?.ToString()));
        Assert.Equal("failed", log.Status);
        Assert.Equal("polycrate-build ssh app01.acme-corp.com -- …", log.Command);
        var text = await File.ReadAllTextAsync(log.Path);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("id_ed25519", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_exits_2_with_the_closest_names()
    {
        var run = await Workspace.RunAsync("ssh", "app01", "--", "uptime");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("PCB7401", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("closest: app01.acme-corp.com", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_shows_sshs_own_message_and_exits_255()
    {
        Workspace.Write("inventory.yml", Workspace.Read("inventory.yml").Replace("ansible_port: 22212", $"ansible_port: {WebhookReceiver.FreePort()}", StringComparison.Ordinal));

        var run = await Workspace.RunAsync("ssh", "app01.acme-corp.com", "--", "uptime");

        Assert.True(run.ExitCode == 255, run.ToString());
        Assert.Contains("Connection refused", run.Stderr, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }
}
