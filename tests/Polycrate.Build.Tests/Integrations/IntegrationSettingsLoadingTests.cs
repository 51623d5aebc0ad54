using Polycrate.Build.Diagnostics;
using Polycrate.Build.Events;
using Polycrate.Build.Model;
using Polycrate.Build.Ssh;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Integrations;

/// <summary>The events: and git: sections of workspace.poly, and inventories as the SSH shortcut reads them.</summary>
public sealed class IntegrationSettingsLoadingTests
{
    [Fact]
    public async Task Events_and_git_sections_are_read_with_their_defaults()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            events:
              handler: webhook
              endpoint: https://hooks.example.com/polycrate?token=abc
              headers: {X-Team: ops}
              required: true
              retries: 5
            git: {autocommit: true}
            """);

        var loaded = await workspace.LoadAsync(strict: true);

        var events = loaded.Workspace.Settings.Events;
        Assert.True(events.IsWebhook);
        Assert.Equal(new Uri("https://hooks.example.com/polycrate?token=abc"), events.Endpoint);
        Assert.Equal("https://hooks.example.com/polycrate", RunEventFactory.PublicEndpoint(events.Endpoint));
        Assert.Equal("ops", events.Headers["X-Team"]);
        Assert.True(events.Required);
        Assert.Equal(5, events.Retries);
        Assert.Equal(TimeSpan.FromSeconds(10), events.Timeout);
        Assert.Equal(EventSettings.DefaultSecretVariable, events.SecretVariable);
        Assert.True(loaded.Workspace.Settings.Git.AutoCommit);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public async Task An_unknown_handler_is_a_warning_at_its_position_and_webhook_without_endpoint_an_error()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nevents:\n  handler: webhok\n  endpoint: http://127.0.0.1:9/x\n");

        var loaded = await workspace.LoadAsync();

        var warning = Assert.Single(loaded.Warnings);
        Assert.Equal(DiagnosticCodes.InvalidValue, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 3, 12), warning.Location);
        Assert.Contains("unknown handler 'webhok'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'webhook'", warning.Hint!, StringComparison.Ordinal);
        Assert.False(loaded.Workspace.Settings.Events.IsWebhook);

        workspace.Write("workspace.poly", "name: ws\nevents: {handler: webhook}\ngit: {autocommit: maybe}\n");
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.MissingRequired && d.Message.Contains("needs an endpoint", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.UnexpectedType && d.Message.Contains("git.autocommit", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_inventories_apply_all_group_and_host_vars_and_keep_fqdn_names()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("inventory.yml", """
            all:
              vars: {ansible_user: admin, ansible_ssh_common_args: "-o StrictHostKeyChecking=no -o 'ProxyJump=jump host'"}
              hosts:
                db01.acme-corp.com: {ansible_host: 10.0.0.5, ansible_port: 2222}
                plain.example.com:
              children:
                web:
                  vars: {ansible_user: deploy}
                  children:
                    web_eu:
                      vars: {ansible_port: 2200}
                      hosts:
                        app01.acme-corp.com:
                          ansible_user: root
                        app02.acme-corp.com:
            """);

        var hosts = InventoryReader.Read(workspace.PathOf("inventory.yml")).ToDictionary(h => h.Name);

        Assert.Equal(new[] { "db01.acme-corp.com", "plain.example.com", "app01.acme-corp.com", "app02.acme-corp.com" }, hosts.Keys);
        Assert.Equal(("10.0.0.5", 2222, "admin"), (hosts["db01.acme-corp.com"].Address, hosts["db01.acme-corp.com"].Port, hosts["db01.acme-corp.com"].User));
        Assert.Equal(("plain.example.com", 22), (hosts["plain.example.com"].Address, hosts["plain.example.com"].Port));
        Assert.Equal((2200, "root"), (hosts["app01.acme-corp.com"].Port, hosts["app01.acme-corp.com"].User));
        Assert.Equal((2200, "deploy"), (hosts["app02.acme-corp.com"].Port, hosts["app02.acme-corp.com"].User));
        Assert.Equal(["web", "web_eu"], hosts["app02.acme-corp.com"].Groups);
        Assert.Equal(["-o", "StrictHostKeyChecking=no", "-o", "ProxyJump=jump host"], hosts["app02.acme-corp.com"].SshArguments);
    }

    [Fact]
    public void Ini_inventories_are_read_too_and_ssh_arguments_put_the_inventory_first()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("hosts", """
            # comment
            [db]
            db01 ansible_host=192.0.2.1 ansible_port=2201

            [db:vars]
            ansible_user="dbadmin"

            [prod:children]
            db
            """);

        var host = Assert.Single(InventoryReader.Read(workspace.PathOf("hosts")));

        Assert.Equal(("db01", "192.0.2.1", 2201, "dbadmin"), (host.Name, host.Address, host.Port, host.User));
        Assert.Equal(["db", "prod"], host.Groups);
        var arguments = SshArguments.For(host with { SshArguments = ["-o", "StrictHostKeyChecking=no"] }, "/private/id", "/private/ssh", ["uptime"]);
        Assert.Equal(["-o", "StrictHostKeyChecking=no", "-o", "ControlMaster=auto", "-o", "ControlPersist=10m", "-o", "ControlPath=/private/ssh/cm-%C",
            "-o", "StrictHostKeyChecking=accept-new", "-p", "2201", "-i", "/private/id", "-l", "dbadmin", "-T", "192.0.2.1", "--", "uptime"], arguments);
    }
}
