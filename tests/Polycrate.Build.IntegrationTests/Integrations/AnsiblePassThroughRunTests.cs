using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Ansible;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.IntegrationTests.Secrets.Runs;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>
/// --limit, --check, --skip-tags, --extra-vars and --vault-password-file for real: ansible-playbook in the toolchain
/// container against the nightly-maintenance sample's sshd targets (db01, app01).
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class AnsiblePassThroughRunTests : IAsyncLifetime
{
    private const string Probe = """
        - hosts: all
          gather_facts: false
          tasks:
            - name: marker
              ansible.builtin.copy: {content: "{{ marker_value | default('none') }}", dest: "/tmp/pcb-probe-{{ run_id }}"}
              tags: [marker]
            - name: other
              ansible.builtin.copy: {content: "x", dest: "/tmp/pcb-probe-{{ run_id }}-other"}
              tags: [other]
        """;

    private TestWorkspace? _workspace;

    private TestWorkspace Workspace => _workspace!;

    public async Task InitializeAsync()
    {
        await SampleTargets.StartAsync("nightly-maintenance");
        _workspace = TestWorkspace.CopyOf(SampleTargets.SampleDirectory("nightly-maintenance"));
        Workspace.Write("blocks/probe/block.poly", "name: probe\nactions:\n  - {name: touch, playbook: touch.yml}\n");
        Workspace.Write("blocks/probe/touch.yml", Probe);
    }

    private static async Task<bool> ExistsOn(string host, string path)
    {
        var answer = await SampleTargets.ExecAsync(host, "sh", "-c", $"test -e {path} && echo yes || echo no");
        return answer.Trim() == "yes";
    }

    [Theory]
    [BothStepContainers]
    public async Task Limit_touches_only_that_host_skip_tags_skip_and_extra_vars_win_and_stay_out_of_the_log(StepContainers mode)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var run = await Workspace.RunAsync(mode, "run", "probe", "touch", "--limit", "db01.acme-corp.com", "--skip-tags", "other",
            "--extra-vars", $"run_id={id} marker_value=from-cli", "--extra-vars", "{\"db_password\": \"hunter2-never-logged\"}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("from-cli", (await SampleTargets.ExecAsync("db01", "cat", $"/tmp/pcb-probe-{id}")).Trim());
        Assert.False(await ExistsOn("db01", $"/tmp/pcb-probe-{id}-other"), "--skip-tags other must skip the task tagged other");
        Assert.False(await ExistsOn("app01", $"/tmp/pcb-probe-{id}"), "--limit db01 must not touch app01");
        var log = Workspace.LatestLog();
        var ansible = (ConfigMap)log.Content["ansible"]!;
        Assert.Equal("db01.acme-corp.com", ansible["limit"]?.ToString());
        Assert.Equal("other", ansible["skip_tags"]?.ToString());
        var text = await File.ReadAllTextAsync(log.Path);
        Assert.DoesNotContain("hunter2-never-logged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-never-logged", run.Output, StringComparison.Ordinal);
        Assert.Contains("marker_value=from-cli", text, StringComparison.Ordinal);
    }

    [Theory]
    [BothStepContainers]
    public async Task Check_mode_changes_nothing_on_any_host(StepContainers mode)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var run = await Workspace.RunAsync(mode, "workflows", "run", "probe-flow", "--check", "--extra-vars", $"run_id={id}");
        Assert.Equal(2, run.ExitCode); // no such workflow: the pass-through options do not hide usage errors
        run = await Workspace.RunAsync(mode, "run", "probe", "touch", "--check", "--extra-vars", $"run_id={id}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("changed=2", run.Stdout, StringComparison.Ordinal);
        foreach (var host in new[] { "db01", "app01" })
        {
            Assert.False(await ExistsOn(host, $"/tmp/pcb-probe-{id}"), $"--check created a file on {host}");
        }

        Assert.Equal("true", ((ConfigMap)Workspace.LatestLog().Content["ansible"]!)["check"]?.ToString());
    }

    [Theory]
    [BothStepContainers]
    public async Task A_vault_password_from_an_encrypted_secret_seals_and_opens_a_vault_file(StepContainers mode)
    {
        var identity = X25519Identity.Generate();
        var secret = Workspace.PathOf("artifacts/secrets/vault-pass");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        await File.WriteAllTextAsync(secret, "vault-pass-" + Guid.NewGuid().ToString("N") + "\n");
        await AgeFile.EncryptToFileAsync(secret, secret + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        File.Delete(secret);
        Workspace.Write("blocks/vault/block.poly", """
            name: vault
            actions:
              - name: seal
                script: ["mkdir -p \"$ARTIFACTS\"", "printf 'greeting: hello-from-vault\\n' > \"$ARTIFACTS/vars.yml\"", "ansible-vault encrypt \"$ARTIFACTS/vars.yml\""]
              - {name: open, playbook: open.yml}
            """);
        Workspace.Write("blocks/vault/open.yml", """
            - hosts: localhost
              connection: local
              gather_facts: false
              tasks:
                - ansible.builtin.include_vars: "{{ lookup('env', 'ARTIFACTS') }}/vars.yml"
                - ansible.builtin.debug: {msg: "greeting={{ greeting }}"}
            """);
        var observer = new RecordingObserver();
        var runner = new PolycrateEngine(NullLoggerFactory.Instance, getEnvironmentVariable:
            name => name == "WORKSPACE_ENCRYPTION_KEY" ? identity.ToSecretString() : Environment.GetEnvironmentVariable(name));
        var options = mode.Apply(new RunOptions { WorkspaceDirectory = Workspace.Root, Ansible = new AnsiblePassThrough { VaultPasswordFile = "artifacts/secrets/vault-pass.age" } });

        var seal = await runner.RunActionAsync(options, "vault", "seal", observer, CancellationToken.None);
        Assert.True(seal.Summary.Succeeded, observer.Text);
        Assert.StartsWith("$ANSIBLE_VAULT", Workspace.Read("artifacts/blocks/vault/vars.yml"), StringComparison.Ordinal);
        var open = await runner.RunActionAsync(options, "vault", "open", observer, CancellationToken.None);
        Assert.True(open.Summary.Succeeded, observer.Text);
        Assert.Contains("greeting=hello-from-vault", observer.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(secret), "the decrypted vault password must not be left in the workspace");

        var without = await runner.RunActionAsync(options with { Ansible = AnsiblePassThrough.None }, "vault", "open", observer, CancellationToken.None);
        Assert.False(without.Summary.Succeeded, "without the vault password the vault file must not open");
        var missing = await Workspace.RunAsync(mode, "run", "vault", "open", "--vault-password-file", Workspace.PathOf("nope"));
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("--vault-password-file " + Workspace.PathOf("nope") + ": no such file", missing.Output, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }
}
