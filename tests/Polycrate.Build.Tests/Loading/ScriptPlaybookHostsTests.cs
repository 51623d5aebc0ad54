using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// A playbook a script starts cannot template its hosts with Polycrate variables (the vars plugin answers per host):
/// loading warns at the playbook's hosts: line (PCB1022) and says the way that works; the forms that work stay quiet.
/// </summary>
public sealed class ScriptPlaybookHostsTests : IDisposable
{
    private const string TemplatedPlaybook = "---\n- name: deploy\n  hosts: \"{{ block.config.group }}\"\n  tasks:\n    - debug: {msg: hi}\n";

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private async Task<IReadOnlyList<Diagnostic>> WarningsAsync(string action, string playbook, bool strict = false)
    {
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", $"name: app\nconfig: {{group: web}}\nactions:\n  - name: deploy\n{action}");
        workspace.Write("blocks/app/site.yml", playbook);
        return (await workspace.LoadAsync(strict)).Warnings.Where(w => w.Code == DiagnosticCodes.ScriptPlaybookTemplatedHosts).ToList();
    }

    [Fact]
    public async Task A_script_started_playbook_with_templated_hosts_warns_at_its_hosts_line_with_the_fix()
    {
        var warnings = await WarningsAsync("    script:\n      - echo start\n      - ansible-playbook site.yml\n", TemplatedPlaybook);

        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/app/site.yml"), 3, 10), warning.Location);
        Assert.Contains("playbook 'site.yml', started by the script of action 'deploy' of block 'app', picks its hosts with Polycrate variables "
            + "(\"{{ block.config.group }}\")", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'block' is undefined", warning.Message, StringComparison.Ordinal);
        Assert.Contains("make it a 'playbook: site.yml' action, or pass the variables as extra vars: 'ansible-playbook -e @$POLYCRATE_WORKSPACE_SNAPSHOT_YAML site.yml'",
            warning.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    playbook: site.yml\n", TemplatedPlaybook)]
    [InlineData("    script: ['ansible-playbook -e \"@$POLYCRATE_WORKSPACE_SNAPSHOT_YAML\" site.yml']\n", TemplatedPlaybook)]
    [InlineData("    script: ['ansible-playbook --extra-vars=@/run/polycrate/snapshot.yml site.yml']\n", TemplatedPlaybook)]
    [InlineData("    script: [ansible-playbook site.yml]\n", "- hosts: web\n  tasks: []\n")]
    [InlineData("    script: [ansible-playbook site.yml]\n", "- hosts: \"{{ target_group }}\"\n  tasks: []\n")]
    [InlineData("    script: [ansible-playbook site.yml]\n", "- hosts: all\n  tasks:\n    - debug: {msg: \"{{ block.config.group }}\"}\n")]
    public async Task Forms_that_work_do_not_warn(string action, string playbook)
    {
        Assert.Empty(await WarningsAsync(action, playbook));
    }

    [Fact]
    public async Task Strict_makes_it_an_error()
    {
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: deploy, script: [ansible-playbook site.yml]}]\n");
        workspace.Write("blocks/app/site.yml", "- hosts: '{{ workspace.name }}'\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));

        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.ScriptPlaybookTemplatedHosts
            && d.Location == new SourceLocation(workspace.PathOf("blocks/app/site.yml"), 1, 10));
    }
}
