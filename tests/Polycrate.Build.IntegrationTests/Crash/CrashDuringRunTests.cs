using Polycrate.Build.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.IntegrationTests.Secrets.Age;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// Issue 12 items 1 and 2 with a real <c>kill -9</c> of the CLI process while its action container runs, against the
/// real engine and the real age CLI: the next command removes the container, the private run directory (decrypted
/// secret, snapshot) and the empty mount point in the workspace, records the run as <c>interrupted</c>, and a later
/// <c>workspace encrypt</c> leaves the real secret intact.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class CrashDuringRunTests(DockerEngineFixture engine) : IDisposable
{
    private const string SecretValue = "crash-test-secret-0815";
    private readonly TestWorkspace _workspace = TestWorkspace.Create("""
        blocks:
          - name: app
            actions:
              - name: wait
                script:
                  - test -s /workspace/artifacts/secrets/app/token
                  - sleep 300
              - name: quick
                script:
                  - echo quick done
        """);

    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("pcb-crash-key-").FullName;

    public void Dispose()
    {
        _workspace.Dispose();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    private Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        engine.Client.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = _workspace.Name }, CancellationToken.None);

    [Fact]
    public async Task Kill_9_during_a_run_leaves_nothing_the_next_commands_do_not_clean_and_the_secret_survives()
    {
        var identity = X25519Identity.Generate();
        var keyFile = Path.Combine(_keyDirectory, "key.txt");
        await File.WriteAllTextAsync(keyFile, identity.ToSecretString() + "\n");
        _workspace.Write("blocks/app/block.poly", "name: app\n");
        var token = _workspace.PathOf("artifacts/secrets/app/token");
        _workspace.Write("artifacts/secrets/app/token", SecretValue + "\n");
        await AgeFile.EncryptToFileAsync(token, token + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        File.Delete(token);
        var ageBefore = await File.ReadAllBytesAsync(token + ".age");

        using var cli = CliProcess.Start(new Dictionary<string, string> { ["WORKSPACE_ENCRYPTION_KEY"] = identity.ToSecretString() },
            "-w", _workspace.Root, "run", "app", "wait");
        ContainerSummary? container = null;
        await cli.WaitUntilAsync(async () =>
        {
            container = (await ContainersAsync()).FirstOrDefault(c => c.State == "running");
            return container is not null && File.Exists(token);
        }, TimeSpan.FromMinutes(3), "the action container running");
        Assert.Equal(cli.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), container!.Labels[ProcessOwner.PidLabel]);
        var transaction = container.Labels["polycrate.txid"];
        var runDirectory = Path.Combine(PrivateRunRoot.Path, transaction);

        await cli.KillNineAsync();

        // What the kill leaves: the container, the decrypted secret in the private run directory, an empty mount point.
        Assert.Single(await ContainersAsync());
        Assert.True(Directory.Exists(runDirectory), "the killed run's private directory is still there");
        Assert.Equal(0, new FileInfo(token).Length);

        // A command that does not touch the engine already removes the files and records the run.
        var status = await _workspace.RunAsync("workspace", "status", "--identity", keyFile);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.False(File.Exists(token), "the empty mount point must be removed");
        Assert.False(Directory.Exists(runDirectory), "the private run directory must be removed");
        var log = new RunLogStore(_workspace.Root, ".logs").Find(transaction);
        Assert.NotNull(log);
        Assert.Equal("interrupted", log.Status);
        Assert.Contains("run app wait", log.Command, StringComparison.Ordinal);

        // The next run also removes the orphaned container.
        var next = await _workspace.RunAsync("run", "app", "quick");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Empty(await ContainersAsync());

        // encrypt never replaces the real secret; the real age CLI still decrypts it to the value.
        var encrypt = await _workspace.RunAsync("workspace", "encrypt", "--identity", keyFile);
        Assert.True(encrypt.ExitCode == 0, encrypt.ToString());
        Assert.Equal(ageBefore, await File.ReadAllBytesAsync(token + ".age"));
        Assert.Equal(SecretValue + "\n", await AgeCli.RunAsync(AgeCli.Age, ["-d", "-i", keyFile, token + ".age"]));
    }

    [Fact]
    public async Task An_empty_placeholder_of_unknown_origin_is_refused_by_encrypt_and_never_given_to_the_action()
    {
        var identity = X25519Identity.Generate();
        var keyFile = Path.Combine(_keyDirectory, "key.txt");
        await File.WriteAllTextAsync(keyFile, identity.ToSecretString() + "\n");
        _workspace.Write("blocks/app/block.poly", "name: app\nactions: [{name: show, script: [\"echo length=$(wc -c < /workspace/artifacts/secrets/app/token)\"]}]\n");
        var token = _workspace.PathOf("artifacts/secrets/app/token");
        _workspace.Write("artifacts/secrets/app/token", SecretValue);
        await AgeFile.EncryptToFileAsync(token, token + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        await File.WriteAllTextAsync(token, "");
        var ageBefore = await File.ReadAllBytesAsync(token + ".age");

        var encrypt = await _workspace.RunAsync("workspace", "encrypt", "--identity", keyFile);

        Assert.True(encrypt.ExitCode == 1, encrypt.ToString());
        Assert.Contains("error PCB5108", encrypt.Stderr, StringComparison.Ordinal);
        Assert.Equal(ageBefore, await File.ReadAllBytesAsync(token + ".age"));

        using var cli = CliProcess.Start(new Dictionary<string, string> { ["WORKSPACE_ENCRYPTION_KEY"] = identity.ToSecretString() },
            "-w", _workspace.Root, "run", "app", "show");
        Assert.Equal(0, await cli.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains($"length={SecretValue.Length}", cli.Output, StringComparison.Ordinal);
        Assert.Contains("treated as the mount point of an interrupted run", cli.Output, StringComparison.Ordinal);
    }
}
