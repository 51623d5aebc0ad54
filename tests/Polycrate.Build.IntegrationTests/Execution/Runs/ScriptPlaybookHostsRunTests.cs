namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// In the real toolchain container: a playbook a script starts cannot pick its hosts with Polycrate variables (as in
/// Polycrate, the vars plugin answers per host) — the run fails with Ansible's error, loading warned at the hosts: line
/// (PCB1022) — and the documented way, passing the snapshot as extra vars, works.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class ScriptPlaybookHostsRunTests : IDisposable
{
    private readonly TestWorkspace _workspace;

    public ScriptPlaybookHostsRunTests()
    {
        _workspace = TestWorkspace.Create("""
            blocks:
              - name: app
                config: {hosts_group: local}
                actions:
                  - {name: scripted, script: [ansible-playbook hosts.yml]}
                  - {name: extra-vars, script: ['ansible-playbook -e "@$POLYCRATE_WORKSPACE_SNAPSHOT_YAML" hosts.yml']}
            """);
        _workspace.Write("blocks/app/block.poly", "name: app\n");
        _workspace.Write("inventory.yml", "all:\n  children:\n    local:\n      hosts:\n        localhost: {ansible_connection: local}\n");
        _workspace.Write("blocks/app/hosts.yml", """
            - hosts: "{{ block.config.hosts_group }}"
              gather_facts: false
              tasks:
                - ansible.builtin.debug: {msg: "RAN ON {{ inventory_hostname }}"}
            """);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Templated_hosts_fail_from_a_script_with_the_warning_and_work_with_the_snapshot_as_extra_vars()
    {
        var scripted = await _workspace.RunAsync("run", "app", "scripted");
        var extraVars = await _workspace.RunAsync("run", "app", "extra-vars");

        Assert.NotEqual(0, scripted.ExitCode);
        Assert.Contains("'block' is undefined", scripted.Output, StringComparison.Ordinal);
        Assert.Contains($"{_workspace.PathOf("blocks/app/hosts.yml")}:1:10: warning PCB1022: playbook 'hosts.yml', started by the script of action 'scripted'",
            scripted.Stderr, StringComparison.Ordinal);
        Assert.True(extraVars.ExitCode == 0, extraVars.ToString());
        Assert.Contains("RAN ON localhost", extraVars.Stdout, StringComparison.Ordinal);
    }
}
