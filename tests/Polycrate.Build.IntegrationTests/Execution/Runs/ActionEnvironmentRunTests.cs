namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>What an action sees inside its real container: environment variables and mounts (README "What an action sees").</summary>
[Collection(RunsCollection.Name)]
public sealed class ActionEnvironmentRunTests : IDisposable
{
    private readonly string _extra = Directory.CreateTempSubdirectory("pcb-extra-").FullName;
    private readonly TestWorkspace _workspace;

    public ActionEnvironmentRunTests()
    {
        File.WriteAllText(Path.Combine(_extra, "hello.txt"), "from the host\n");
        _workspace = TestWorkspace.Create($$"""
            extramounts:
              - "{{_extra}}:/data:ro"
            blocks:
              - name: probe
                actions:
                  - name: look
                    script:
                      - mkdir -p /workspace/out
                      - env | sort > /workspace/out/env.txt
                      - cat /root/.ssh/id_rsa > /workspace/out/key.txt
                      - (touch /root/.ssh/id_rsa 2>/dev/null && echo rw || echo ro) > /workspace/out/key-mode.txt
                      - cat /data/hello.txt > /workspace/out/extra.txt
                      - (touch /data/new 2>/dev/null && echo rw || echo ro) > /workspace/out/extra-mode.txt
                      - cat "$KUBECONFIG" > /workspace/out/kubeconfig.txt
                      - pwd > /workspace/out/pwd.txt
            """);
        _workspace.Write("blocks/probe/block.poly", "name: probe\n");
        _workspace.Write("inventory.yml", "all:\n  hosts:\n    localhost: {}\n");
        _workspace.Write("artifacts/secrets/id_ed25519", "not-a-real-key-" + Guid.NewGuid() + "\n");
        _workspace.Write("artifacts/secrets/kubeconfig.yml", "apiVersion: v1\nkind: Config\nclusters: []\n");
    }

    [Theory]
    [BothStepContainers]
    public async Task The_container_sees_the_polycrate_environment_and_the_workspace_key_and_extra_mounts(StepContainers mode)
    {
        var run = await _workspace.RunAsync(mode, "run", "probe", "look");

        Assert.True(run.ExitCode == 0, run.ToString());
        var env = _workspace.Read("out/env.txt").Split('\n').Where(l => l.Contains('=')).ToDictionary(l => l.Split('=', 2)[0], l => l.Split('=', 2)[1]);
        var log = _workspace.LatestLog();
        Assert.Equal("/workspace", env["POLYCRATE_WORKSPACE"]);
        Assert.Equal(_workspace.Name, env["POLYCRATE_WORKSPACE_NAME"]);
        Assert.Equal("probe", env["POLYCRATE_BLOCK_NAME"]);
        Assert.Equal("look", env["POLYCRATE_ACTION_NAME"]);
        Assert.Equal(log.TransactionId, env["POLYCRATE_TRANSACTION_ID"]);
        Assert.Equal("1", env["IN_CONTAINER"]);
        Assert.Equal("/workspace/inventory.yml", env["ANSIBLE_INVENTORY"]);
        Assert.Equal("/workspace/artifacts/secrets/kubeconfig.yml", env["KUBECONFIG"]);
        Assert.Equal("/root/.ssh/id_rsa", env["ANSIBLE_PRIVATE_KEY_FILE"]);

        // The workspace is mounted read-write (the files above were written by the container), the key read-only.
        Assert.Equal(_workspace.Read("artifacts/secrets/id_ed25519"), _workspace.Read("out/key.txt"));
        Assert.Equal("ro", _workspace.Read("out/key-mode.txt").Trim());
        Assert.Equal(_workspace.Read("artifacts/secrets/kubeconfig.yml"), _workspace.Read("out/kubeconfig.txt"));
        Assert.Equal("from the host\n", _workspace.Read("out/extra.txt"));
        Assert.Equal("ro", _workspace.Read("out/extra-mode.txt").Trim());
        Assert.False(File.Exists(Path.Combine(_extra, "new")));
    }

    public void Dispose()
    {
        _workspace.Dispose();
        Directory.Delete(_extra, recursive: true);
    }
}
