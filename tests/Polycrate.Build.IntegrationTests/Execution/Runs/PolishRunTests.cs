namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// What a fresh user met on a first run, in the real toolchain container: Ansible's reserved-name warning about the
/// block/action variables Polycrate defines (gone, while <c>{{ block.name }}</c> and <c>hosts: "{{ block.config.… }}"</c>
/// still work), a missing playbook (warning at load, the other actions run; error PCB1020 for its own action), and a
/// workspace made by <c>workspace init</c> that runs as it is.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class PolishRunTests : IDisposable
{
    private readonly TestWorkspace _workspace;

    public PolishRunTests()
    {
        _workspace = TestWorkspace.Create("""
            blocks:
              - name: app
                config: {hosts_group: local, greeting: hello}
                actions:
                  - {name: show, playbook: show.yml}
                  - {name: scripted, script: [ansible-playbook scripted.yml]}
                  - {name: missing, playbook: deploy.yml}
                  - {name: own-reserved, playbook: own.yml}
            """);
        _workspace.Write("blocks/app/block.poly", "name: app\n");
        _workspace.Write("inventory.yml", "all:\n  children:\n    local:\n      hosts:\n        localhost: {ansible_connection: local}\n");
        // The play's hosts come from block.config: play-level templating needs the extra vars Polycrate passes.
        _workspace.Write("blocks/app/show.yml", """
            - hosts: "{{ block.config.hosts_group }}"
              gather_facts: false
              tasks:
                - ansible.builtin.debug: {msg: "BLOCK={{ block.name }} ACTION={{ action.name }} GREETING={{ block.config.greeting }}"}
            """);
        // Started by a script, a playbook gets the variables from the polycrate_vars plugin (host level, as in Polycrate).
        _workspace.Write("blocks/app/scripted.yml", """
            - hosts: local
              gather_facts: false
              tasks:
                - ansible.builtin.debug: {msg: "BLOCK={{ block.name }} ACTION={{ action.name }} GREETING={{ block.config.greeting }}"}
            """);
        // A user's own variable with a reserved name still gets Ansible's warning.
        _workspace.Write("blocks/app/own.yml", """
            - hosts: localhost
              gather_facts: false
              vars: {tags: mine}
              tasks:
                - ansible.builtin.debug: {msg: "OWN={{ block.name }}"}
            """);
    }

    [Fact]
    public async Task A_playbook_sees_block_and_action_without_the_reserved_name_warning()
    {
        var run = await _workspace.RunAsync("run", "app", "show");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BLOCK=app ACTION=show GREETING=hello", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("reserved name", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("reserved name", File.ReadAllText(Directory.EnumerateFiles(_workspace.PathOf(".logs"), "*.yml", SearchOption.AllDirectories).Single()),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_playbook_a_script_starts_sees_them_too_without_the_warning()
    {
        var run = await _workspace.RunAsync("run", "app", "scripted");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BLOCK=app ACTION=scripted GREETING=hello", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("reserved name", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reserved_name_the_user_defines_is_still_warned_about()
    {
        var run = await _workspace.RunAsync("run", "app", "own-reserved");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("OWN=app", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Found variable using reserved name: tags", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("reserved name: block", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_playbook_warns_while_other_actions_run_and_fails_its_own_action_with_pcb1020()
    {
        var other = await _workspace.RunAsync("run", "app", "show");
        var missing = await _workspace.RunAsync("run", "app", "missing");

        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Contains($"{_workspace.PathOf("workspace.poly")}:11:35: warning PCB1020: action 'missing' of block 'app' runs playbook file 'deploy.yml'",
            other.Stderr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains($"PCB1020: {_workspace.PathOf("workspace.poly")}:11:35: action 'missing'", missing.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR! the playbook", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_from_init_runs_its_actions_in_the_documented_toolchain_image()
    {
        var root = Directory.CreateTempSubdirectory("pcb-init-run-").FullName;
        try
        {
            var init = await CliRun.InvokeAsync(["-w", root, "workspace", "init", "--name", "fresh", "--organization", "acme"]);
            Assert.True(init.ExitCode == 0, init.ToString());
            Directory.CreateDirectory(Path.Combine(root, "blocks", "hello"));
            File.WriteAllText(Path.Combine(root, "blocks", "hello", "block.poly"),
                "name: hello\nactions:\n  - {name: say, script: ['ansible --version | head -1', 'echo \"HELLO from $POLYCRATE_WORKSPACE_NAME\"']}\n");

            var run = await CliRun.InvokeAsync(["-w", root, "run", "hello", "say"]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("HELLO from fresh", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("ansible [core", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public void Dispose() => _workspace.Dispose();
}
