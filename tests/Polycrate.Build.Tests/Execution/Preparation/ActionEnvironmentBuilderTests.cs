using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Execution.Preparation;

/// <summary>One object per action: what the container gets and what the snapshot shows are the same, built before anything is written.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ActionEnvironmentBuilderTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly string _runDirectory = Path.Combine(Path.GetTempPath(), "pcb-prep-" + Guid.NewGuid().ToString("N")[..8]);

    private async Task<PreparedAction> PrepareAsync(string block, string action, bool onHost = false, Func<string, string?>? getVariable = null)
    {
        var ws = (await _workspace.LoadAsync()).Workspace;
        var (b, a) = Lookup.Action(ws, block, action);
        var context = new ActionContext { Workspace = ws, Block = b, Action = a, TransactionId = "tx-1", OnHost = onHost, Image = "img:1" };
        return ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = _runDirectory, GetVariable = getVariable ?? (_ => null) });
    }

    private static string Env(PreparedAction prepared, string name) => prepared.Environment.Single(e => e.Name == name).Value;

    [Fact]
    public async Task The_snapshot_shows_exactly_the_environment_and_mounts_including_docker_flags_and_writes_nothing()
    {
        _workspace.Write("workspace.poly", """
            name: ws
            extraenv: [FROM_EXTRA=1, WORKSPACE_NAME=overridden]
            config:
              container:
                docker_flags: ["-v /srv:/srv:ro -e FLAG_VAR=flag --network bridge --user 1000"]
            blocks:
              - name: app
                config: {serviceprincipal: {id: SP_ID, secret: PLACEHOLDER_SECRET}, your_name: World, a_b: first, a: {b: second}, my-key: k, tags: [x, y]}
                actions: [{name: run, script: [echo]}]
            """);

        var prepared = await PrepareAsync("app", "run");

        Assert.False(Directory.Exists(_runDirectory));
        Assert.False(Directory.Exists(_workspace.PathOf("artifacts")));
        var snapshotEnv = (ConfigMap)prepared.Snapshot["env"]!;
        Assert.Equal(prepared.Environment.Select(e => (e.Name, e.Value)), snapshotEnv.Entries.Select(e => (e.Key, e.Value.ToString())));
        var snapshotMounts = (ConfigMap)prepared.Snapshot["mounts"]!;
        Assert.Equal(prepared.Mounts.Select(m => (m.HostPath, m.ContainerPath)), snapshotMounts.Entries.Select(e => (e.Key, e.Value.ToString())));
        Assert.Contains(new MountEntry("/srv", "/srv", true), prepared.Mounts);
        Assert.Equal("flag", Env(prepared, "FLAG_VAR"));
        Assert.Equal("bridge", prepared.Container.NetworkMode);
        Assert.Equal("1000", prepared.Container.User);

        // Real values for the action: snapshot file content, flattened variables.
        var yaml = ((PrivateFile)prepared.Files.Single(f => f.HostPath == prepared.SnapshotHostPath)).Text!;
        Assert.Equal(ConfigYamlWriter.Write(prepared.Snapshot, new HashSet<string> { "script", "description", "docker_flags" }), yaml);
        Assert.Contains("secret: PLACEHOLDER_SECRET", yaml, StringComparison.Ordinal);
        Assert.Equal("PLACEHOLDER_SECRET", Env(prepared, "BLOCK_CONFIG_SERVICEPRINCIPAL_SECRET"));
        Assert.Equal("World", Env(prepared, "BLOCK_CONFIG_YOUR_NAME"));
        Assert.Equal("first", Env(prepared, "BLOCK_CONFIG_A_B"));
        Assert.Equal("k", Env(prepared, "BLOCK_CONFIG_MY_KEY"));
        Assert.Equal("[\"x\",\"y\"]", Env(prepared, "BLOCK_CONFIG_TAGS"));
        Assert.Equal("run", Env(prepared, "ACTION_NAME"));
        Assert.Equal("app", Env(prepared, "BLOCK_NAME"));
        Assert.Equal("/workspace/artifacts/blocks/app", Env(prepared, "ARTIFACTS"));
        Assert.Equal("/workspace/artifacts/blocks/app", Env(prepared, "BLOCK_ARTIFACTS_PATH"));
        Assert.DoesNotContain(prepared.Environment, e => e.Name is "WORKSPACE_BLOCKS" or "ACTION_SCRIPT");
        // extraenv beats a flattened name.
        Assert.Equal("overridden", Env(prepared, "WORKSPACE_NAME"));
        Assert.Contains(_workspace.PathOf("artifacts/blocks/app"), prepared.Directories);

        // Masking only in the view for people.
        var masked = ConfigYamlWriter.Write(prepared.MaskedSnapshot());
        Assert.DoesNotContain("PLACEHOLDER_SECRET", masked, StringComparison.Ordinal);
        Assert.Contains("SP_ID", masked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vars_plugin_and_a_0600_key_copy_come_from_the_run_directory()
    {
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    actions: [{name: run, script: [echo]}]\n");
        _workspace.Write("id_rsa", "KEY\n");

        var container = await PrepareAsync("app", "run");
        var host = await PrepareAsync("app", "run", onHost: true, getVariable: n => n == "HOME" ? "/home/me" : null);

        var plugin = Path.Combine(_runDirectory, "vars_plugins", AnsibleVarsPlugin.FileName);
        Assert.Contains(container.Files, f => f.HostPath == plugin && f.Content!.Contains("class VarsModule(BaseVarsPlugin)", StringComparison.Ordinal));
        Assert.Contains(new MountEntry(Path.GetDirectoryName(plugin)!, AnsibleVarsPlugin.ContainerDirectory, true), container.Mounts);
        Assert.Equal("/run/polycrate/vars_plugins:/root/.ansible/plugins/vars:/usr/share/ansible/plugins/vars", Env(container, "ANSIBLE_VARS_PLUGINS"));
        Assert.Equal("host_group_vars,polycrate_vars", Env(container, "ANSIBLE_VARS_ENABLED"));
        Assert.Equal(ActionEnvironmentBuilder.ContainerSnapshotPath, Env(container, "POLYCRATE_WORKSPACE_SNAPSHOT_YAML"));

        var keyCopy = Path.Combine(_runDirectory, "ssh", "id_rsa");
        Assert.Contains(new PrivateFile(keyCopy, CopyFrom: _workspace.PathOf("id_rsa")), container.Files);
        Assert.Contains(new MountEntry(keyCopy, SshKeyLocator.ContainerPath, true), container.Mounts);
        Assert.Equal(SshKeyLocator.ContainerPath, Env(container, "ANSIBLE_PRIVATE_KEY_FILE"));

        Assert.Empty(host.Mounts);
        Assert.Equal(keyCopy, Env(host, "ANSIBLE_PRIVATE_KEY_FILE"));
        Assert.Equal(host.SnapshotHostPath, Env(host, "POLYCRATE_SNAPSHOT_FILE"));
        Assert.Equal($"{Path.GetDirectoryName(plugin)}:/home/me/.ansible/plugins/vars:/usr/share/ansible/plugins/vars", Env(host, "ANSIBLE_VARS_PLUGINS"));
        Assert.Equal(_workspace.PathOf("artifacts/blocks/app"), Env(host, "ARTIFACTS"));
        Assert.Equal("0", Env(host, "IN_CONTAINER"));
    }

    [Fact]
    public async Task Script_templates_are_rendered_into_the_command_and_the_snapshot()
    {
        _workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                config: {image: nginx:1.27}
                actions:
                  - name: run
                    script:
                      - echo "{{ .Block.Config.image }} in {{ .Workspace.Name }} to {{ .Env.ARTIFACTS }}"
                      - docker ps --format '{{.Names}}'
                  - name: broken
                    script:
                      - echo fine
                      - "echo {{ .Block.Config.missing }}"
            """);

        var prepared = await PrepareAsync("app", "run");

        var script = prepared.Command[^1];
        Assert.Contains("echo \"nginx:1.27 in ws to /workspace/artifacts/blocks/app\"\n", script, StringComparison.Ordinal);
        Assert.Contains("docker ps --format '{{.Names}}'\n", script, StringComparison.Ordinal);
        // Script lines with braces are !unsafe for Ansible: it must not evaluate docker's or Go's {{ }} as Jinja.
        var yaml = prepared.Files.Single(f => f.HostPath == prepared.SnapshotHostPath).Text!;
        Assert.Contains("- !unsafe \"docker ps --format '{{.Names}}'\"", yaml, StringComparison.Ordinal);
        var snapshotScript = (ConfigList)((ConfigMap)prepared.Snapshot["action"]!)["script"]!;
        Assert.Equal("echo \"nginx:1.27 in ws to /workspace/artifacts/blocks/app\"", snapshotScript.Items[0].ToString());

        var error = await Assert.ThrowsAsync<Polycrate.Build.Diagnostics.WorkspaceException>(() => PrepareAsync("app", "broken"));
        Assert.Equal(new Polycrate.Build.Diagnostics.SourceLocation(_workspace.PathOf("workspace.poly"), 13, 19), error.Location);
    }

    [Fact]
    public async Task A_configured_inventory_that_does_not_exist_stops_the_preparation()
    {
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    inventory: {from: app}\n    actions: [{name: run, playbook: site.yml}]\n");

        var error = await Assert.ThrowsAsync<Polycrate.Build.Diagnostics.WorkspaceException>(() => PrepareAsync("app", "run"));

        Assert.Equal("PCB1017", error.Code);
        _workspace.Write("artifacts/blocks/app/inventory.yml", "all: {}\n");
        Assert.Equal("/workspace/artifacts/blocks/app/inventory.yml", Env(await PrepareAsync("app", "run"), "ANSIBLE_INVENTORY"));
    }

    [Fact]
    public async Task The_writer_creates_the_artifacts_directory_and_private_files_and_removes_them()
    {
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    actions: [{name: run, script: [echo]}]\n");
        _workspace.Write("artifacts/secrets/id_ed25519", "KEY\n");
        File.SetUnixFileMode(_workspace.PathOf("artifacts/secrets/id_ed25519"), (UnixFileMode)0b110_100_100);
        var prepared = await PrepareAsync("app", "run");

        await PreparedActionWriter.WriteAsync(prepared, _runDirectory, CancellationToken.None);

        Assert.True(Directory.Exists(_workspace.PathOf("artifacts/blocks/app")));
        var key = Path.Combine(_runDirectory, "ssh", "id_ed25519");
        Assert.Equal("KEY\n", File.ReadAllText(key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(prepared.SnapshotHostPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_runDirectory, "ssh")));
        PreparedActionWriter.Remove(prepared);
        Assert.False(File.Exists(key));
        Assert.False(File.Exists(prepared.SnapshotHostPath));
    }

    [Fact]
    public async Task Files_are_written_together_and_a_failure_is_that_of_the_first_failing_file_in_order()
    {
        _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    actions: [{name: run, script: [echo]}]\n");
        var prepared = await PrepareAsync("app", "run");
        var first = Path.Combine(_runDirectory, "missing-first");
        var failing = prepared with
        {
            Files = [.. prepared.Files, new PrivateFile(Path.Combine(_runDirectory, "a"), CopyFrom: first), new PrivateFile(Path.Combine(_runDirectory, "b"), CopyFrom: first + "-second")],
        };

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var error = await Assert.ThrowsAsync<FileNotFoundException>(() => PreparedActionWriter.WriteAsync(failing, _runDirectory, CancellationToken.None));
            Assert.Equal(first, error.FileName);
            PreparedActionWriter.Remove(failing);
        }

        await PreparedActionWriter.WriteAsync(prepared, _runDirectory, CancellationToken.None);
        Assert.All(prepared.Files, f => Assert.True(File.Exists(f.HostPath), f.HostPath));
    }

    public void Dispose()
    {
        _workspace.Dispose();
        if (Directory.Exists(_runDirectory))
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
    }
}
