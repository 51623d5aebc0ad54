using Polycrate.Build.IntegrationTests.Execution.Runs;

namespace Polycrate.Build.IntegrationTests.Execution.WarmStart;

/// <summary>
/// Warm Ansible start (docs/execution.md): playbook steps in a shared container are forked from a process that imported
/// Ansible once. A warm step sees what a cold one sees (environment, working directory, umask, stdin/stdout, its own
/// local temp dir, its process name); a step whose config file changed runs cold and sees its own config; exit codes
/// and signals come through as before; cancelling mid-step ends the run with 130 and removes the container.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class WarmStartRunTests(RunEnvironmentFixture fixture) : IDisposable
{
    /// <summary>
    /// What the step's ansible-playbook process looks like from a task: the first ancestor named like it is the worker
    /// that runs the lookup, its parent is the playbook's own process.
    /// </summary>
    private const string Probe = """
        p=$$
        while [ "$(cat /proc/$p/comm)" != ansible-playboo ]; do p=$(awk '/^PPid/{print $2}' /proc/$p/status); done
        m=$(awk '/^PPid/{print $2}' /proc/$p/status)
        echo "comm=$(cat /proc/$m/comm) stdin=$(readlink /proc/$m/fd/0 | cut -d: -f1) stdout=$(readlink /proc/$m/fd/1 | cut -d: -f1) cwd=$(readlink /proc/$m/cwd) umask=$(awk '/^Umask/{print $2}' /proc/$m/status) own-tmp=$(ls ~/.ansible/tmp | grep -c "^ansible-local-$m")"
        """;

    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            workflows:
              - name: probes
                steps:
                  - {name: one, block: plays, action: probe}
                  - {name: two, block: plays, action: probe}
                  - {name: three, block: plays, action: probe}
              - name: config
                steps:
                  - {name: write, block: plays, action: writecfg}
                  - {name: two, block: plays, action: probe}
                  - {name: three, block: plays, action: probe}
              - name: upgrade
                steps:
                  - {name: touch, block: plays, action: touchmodule}
                  - {name: two, block: plays, action: probe}
                  - {name: three, block: plays, action: probe}
              - name: fails
                steps:
                  - {name: one, block: plays, action: probe}
                  - {name: two, block: plays, action: fails}
              - name: term
                steps:
                  - {name: one, block: plays, action: probe}
                  - {name: two, block: plays, action: term}
              - name: kill
                steps:
                  - {name: one, block: plays, action: probe}
                  - {name: two, block: plays, action: kill}
              - name: wait
                steps:
                  - {name: one, block: plays, action: probe}
                  - {name: two, block: plays, action: wait}
            """);
        workspace.Write("blocks/plays/block.poly", """
            name: plays
            actions:
              - {name: probe, playbook: probe.yml}
              - {name: writecfg, playbook: writecfg.yml}
              - {name: touchmodule, playbook: touchmodule.yml}
              - {name: fails, playbook: fails.yml}
              - {name: term, playbook: term.yml}
              - {name: kill, playbook: kill.yml}
              - {name: wait, playbook: wait.yml}
            """);
        workspace.Write("blocks/plays/probe.sh", Probe);
        workspace.Write("blocks/plays/probe.yml", Play("""debug: {msg: "probe step={{ lookup('env', 'POLYCRATE_STEP') }} cfg={{ ansible_config_file }} {{ lookup('pipe', 'sh ' + playbook_dir + '/probe.sh') }}"}"""));
        workspace.Write("blocks/plays/writecfg.yml", Play("""copy: {dest: "{{ playbook_dir }}/ansible.cfg", content: "[defaults]\nforks = 3\n"}"""));
        workspace.Write("blocks/plays/touchmodule.yml", Play("""shell: "touch $(python3 -c 'import jinja2; print(jinja2.__file__)')" """));
        workspace.Write("blocks/plays/fails.yml", Play("""fail: {msg: failing on purpose}"""));
        workspace.Write("blocks/plays/term.yml", Play("""debug: {msg: "{{ lookup('pipe', 'sh ' + playbook_dir + '/signal.sh TERM') }}"}"""));
        workspace.Write("blocks/plays/kill.yml", Play("""debug: {msg: "{{ lookup('pipe', 'sh ' + playbook_dir + '/signal.sh KILL') }}"}"""));
        workspace.Write("blocks/plays/signal.sh", Probe.Split('\n')[0] + "\n" + Probe.Split('\n')[1] + "\n" + Probe.Split('\n')[2] + "\necho signalling; kill -$1 $m; sleep 5\n");
        workspace.Write("blocks/plays/wait.yml", Play("""shell: "mkdir -p /workspace/out && touch /workspace/out/started && sleep 120" """));
        return workspace;
    }

    private static string Play(string task) => $"- hosts: localhost\n  gather_facts: false\n  tasks:\n    - {task}\n";

    private static List<string> Probes(CliRun run) =>
        run.Stdout.Split('\n').Where(l => l.Contains("\"msg\": \"probe ", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("probe ", StringComparison.Ordinal)..].TrimEnd().TrimEnd('"')).ToList();

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    [Fact]
    public async Task Warm_steps_see_what_cold_steps_see()
    {
        var warm = await _workspace.RunAsync("workflows", "run", "probes", "-v");
        var cold = await _workspace.RunAsync(StepContainers.Isolated, "workflows", "run", "probes");

        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.True(Count(warm.Stderr, "warm Ansible start") == 3, warm.ToString());
        var probes = Probes(warm);
        Assert.Equal(3, probes.Count);
        Assert.Equal(["one", "two", "three"], probes.Select(p => p.Split(' ')[1]["step=".Length..]));
        Assert.All(probes, p => Assert.Contains(
            "cfg= comm=ansible-playboo stdin=/dev/null stdout=pipe cwd=/workspace/blocks/plays umask=0022 own-tmp=1", p, StringComparison.Ordinal));
        Assert.Equal(Probes(cold), probes);
    }

    [Fact]
    public async Task A_step_whose_config_file_changed_runs_cold_and_sees_its_own_config()
    {
        var run = await _workspace.RunAsync("workflows", "run", "config", "-v");

        Assert.True(run.ExitCode == 0, run.ToString());
        var probes = Probes(run);
        Assert.Equal(2, probes.Count);
        Assert.All(probes, p => Assert.Contains("cfg=/workspace/blocks/plays/ansible.cfg comm=ansible-playboo", p, StringComparison.Ordinal));
        Assert.True(Count(run.Stderr, "warm Ansible start") == 1, run.ToString());
        Assert.True(Count(run.Stderr, "Ansible started cold") == 2, run.ToString());
    }

    [Fact]
    public async Task A_step_after_one_that_changed_a_module_the_zygote_imported_runs_cold()
    {
        var run = await _workspace.RunAsync("workflows", "run", "upgrade", "-v");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Probes(run).Count);
        Assert.True(Count(run.Stderr, "warm Ansible start") == 1, run.ToString());
        Assert.True(Count(run.Stderr, "Ansible started cold") == 2, run.ToString());
    }

    [Theory]
    [InlineData("fails", 2)]
    [InlineData("term", 143)]
    [InlineData("kill", 137)]
    public async Task The_exit_code_of_a_warm_step_is_its_own_and_a_signal_shows_as_128_plus_its_number(string workflow, int exitCode)
    {
        var run = await _workspace.RunAsync("workflows", "run", workflow, "-v");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.True(Count(run.Stderr, "warm Ansible start") == 2, run.ToString());
    }

    [Fact]
    public async Task Cancelling_a_warm_step_ends_the_run_with_130_and_removes_the_container()
    {
        using var cancellation = new CancellationTokenSource();
        var running = _workspace.RunAsync(cancellation.Token, "workflows", "run", "wait", "-v");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(_workspace.PathOf("out/started")) && !running.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(_workspace.PathOf("out/started")), running.IsCompleted ? (await running).ToString() : "the waiting step did not start");
        await cancellation.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Empty(await fixture.Docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name }, CancellationToken.None));
    }

    public void Dispose() => _workspace.Dispose();
}
