namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// What real Polycrate blocks rely on (issue 9.1–9.4, 9.8), run in the real toolchain container: real values for the
/// action, the polycrate_vars plugin, flattened variables and $ARTIFACTS, Go templates in script lines, and no quiet
/// inventory fallback.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class RealWorkspaceRunTests : IDisposable
{
    private const string Secret = "PLACEHOLDER_SECRET";
    private readonly TestWorkspace _workspace;

    public RealWorkspaceRunTests()
    {
        _workspace = TestWorkspace.Create("""
            blocks:
              - name: aks
                config: {serviceprincipal: {id: "SP_ID", secret: "PLACEHOLDER_SECRET"}}
                actions: [{name: show, playbook: show.yml}]
              - name: web
                config: {image: "nginx:1.27", your_name: World}
                actions:
                  - name: vars
                    script: [ansible-playbook show.yml]
                  - name: greet
                    script: ['echo "HELLO $BLOCK_CONFIG_YOUR_NAME" > "$ARTIFACTS/greeting.txt"']
                  - name: templated
                    script:
                      - echo "{{ .Block.Config.image }} {{ .Workspace.Name }} {{ .Action.Name }} {{- .Env.POLYCRATE_BLOCK_NAME }}" > "{{ .Block.Artifacts.Path }}/templated.txt"
                      - echo '{{.Names}} {{ json .State }}' >> "$ARTIFACTS/templated.txt"
                  - name: typo
                    script:
                      - echo first > "$ARTIFACTS/typo.txt"
                      - echo "{{ .Block.Config.imgae }}"
              - name: consumer
                inventory: {from: consumer}
                actions: [{name: deploy, playbook: site.yml}]
            """);
        _workspace.Write("blocks/aks/block.poly", "name: aks\n");
        _workspace.Write("blocks/aks/show.yml", """
            - hosts: localhost
              gather_facts: false
              tasks:
                - ansible.builtin.assert:
                    that: ["block.config.serviceprincipal.secret == 'PLACEHOLDER_SECRET'", "block.config.serviceprincipal.id == 'SP_ID'"]
                - ansible.builtin.debug: {msg: "secret is {{ block.config.serviceprincipal.secret }}"}
            """);
        _workspace.Write("blocks/web/block.poly", "name: web\n");
        _workspace.Write("blocks/web/show.yml", """
            - hosts: localhost
              gather_facts: false
              tasks:
                - ansible.builtin.debug: {msg: "IMAGE={{ block.config.image }} ACTION={{ action.name }}"}
            """);
        _workspace.Write("blocks/consumer/block.poly", "name: consumer\n");
        _workspace.Write("blocks/consumer/site.yml", "- hosts: all\n  tasks: [{ansible.builtin.ping: {}}]\n");
    }

    [Theory]
    [BothStepContainers]
    public async Task A_playbook_gets_the_real_secret_while_console_and_run_log_show_it_masked(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "aks", "show");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("secret is ********", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output, StringComparison.Ordinal);
        var logs = Directory.EnumerateFiles(_workspace.PathOf(".logs"), "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, log => Assert.DoesNotContain(Secret, log, StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Contains("secret is ********", StringComparison.Ordinal));

        var snapshot = await _workspace.RunAsync(mode, "workspace", "snapshot", "aks", "show");
        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        Assert.DoesNotContain(Secret, snapshot.Output, StringComparison.Ordinal);
        Assert.Contains("SP_ID", snapshot.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [BothStepContainers]
    public async Task A_playbook_started_from_a_script_sees_the_polycrate_variables(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "web", "vars");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("IMAGE=nginx:1.27 ACTION=vars", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [BothStepContainers]
    public async Task Flattened_variables_and_ARTIFACTS_exist_before_the_script_starts(StepContainers mode)
    {
        Assert.False(Directory.Exists(_workspace.PathOf("artifacts/blocks/web")));

        var run = await _workspace.RunAsync(mode, "run", "web", "greet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("HELLO World\n", _workspace.Read("artifacts/blocks/web/greeting.txt"));
    }

    [Theory]
    [BothStepContainers]
    public async Task Go_templates_in_script_lines_are_rendered_once_and_other_braces_are_kept(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "web", "templated");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"nginx:1.27 {_workspace.Name} templatedweb\n{{{{.Names}}}} {{{{ json .State }}}}\n", _workspace.Read("artifacts/blocks/web/templated.txt"));
    }

    [Theory]
    [BothStepContainers]
    public async Task A_template_field_that_does_not_exist_stops_the_action_before_it_starts_with_its_position(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "web", "typo");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{_workspace.PathOf("workspace.poly")}:{LineOf("{{ .Block.Config.imgae }}")}:", run.Output, StringComparison.Ordinal);
        Assert.Contains("PCB1018", run.Output, StringComparison.Ordinal);
        Assert.Contains("imgae", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.PathOf("artifacts/blocks/web/typo.txt")));
    }

    [Theory]
    [BothStepContainers]
    public async Task A_configured_inventory_that_does_not_exist_is_an_error_not_a_quiet_fallback(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "consumer", "deploy");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("PCB1017", run.Output, StringComparison.Ordinal);
        Assert.Contains("artifacts/blocks/consumer/inventory.yml does not exist", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{_workspace.PathOf("workspace.poly")}:{LineOf("inventory: {from: consumer}")}:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_host_runtime_the_same_variables_and_templates_apply()
    {
        _workspace.Write("workspace.poly", _workspace.Read("workspace.poly").Replace(
            "  - name: consumer", """
                  - name: local
                    config: {your_name: Host}
                    actions:
                      - name: greet
                        script: ['echo "HELLO $BLOCK_CONFIG_YOUR_NAME {{ .Block.Name }} $IN_CONTAINER" > "$ARTIFACTS/greeting.txt"', 'test -r "$POLYCRATE_WORKSPACE_SNAPSHOT_YAML"', 'test -r "${ANSIBLE_VARS_PLUGINS%%:*}/polycrate_vars.py"']
                  - name: consumer
                """, StringComparison.Ordinal));

        var run = await _workspace.RunAsync("run", "local", "greet", "--runtime", "host");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("HELLO Host local 0\n", _workspace.Read("artifacts/blocks/local/greeting.txt"));
    }

    /// <summary>1-based line of workspace.poly that holds <paramref name="text"/>.</summary>
    private int LineOf(string text) => Array.FindIndex(_workspace.Read("workspace.poly").Split('\n'), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose() => _workspace.Dispose();
}
