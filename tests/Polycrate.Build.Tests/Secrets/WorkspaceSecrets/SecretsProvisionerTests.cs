using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

public sealed class SecretsProvisionerTests : IDisposable
{
    private readonly TempWorkspace ws = new();
    private readonly string runDirectory = Path.Combine(Directory.CreateTempSubdirectory("pcb-run-").FullName, "run");

    public void Dispose()
    {
        ws.Dispose();
        Directory.Delete(Path.GetDirectoryName(runDirectory)!, recursive: true);
    }

    private async Task EncryptAllAsync() =>
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity), default);

    [Fact]
    public async Task Encrypted_secrets_are_decrypted_only_into_the_run_directory_and_removed_on_dispose()
    {
        ws.Write("kubeconfig.yml", "apiVersion: v1\n");
        ws.Write("my-block/token", "tok-123456");
        await EncryptAllAsync();
        ws.Write("rclone.conf", "[remote]\n");
        var workspaceBefore = ws.Files();

        var secrets = await new SecretsProvisioner().ProvisionAsync(ws.Model, ws.Identity, runDirectory, default);

        Assert.Equal(workspaceBefore, ws.Files());
        var decryptedKubeconfig = Path.Combine(runDirectory, "secrets", "kubeconfig.yml");
        Assert.Equal("apiVersion: v1\n", File.ReadAllText(decryptedKubeconfig));
        Assert.Equal(ws.Secret("rclone.conf"), secrets.Secrets.Single(s => s.Name == "rclone.conf").HostPath);
        Assert.Equal(
            new MountEntry(decryptedKubeconfig, "/workspace/artifacts/secrets/kubeconfig.yml", ReadOnly: true),
            secrets.Mounts.Single(m => m.ContainerPath.EndsWith("kubeconfig.yml", StringComparison.Ordinal)));
        Assert.Equal(2, secrets.Mounts.Count);
        Assert.Equal(decryptedKubeconfig, secrets.HostFiles[ws.Secret("kubeconfig.yml")]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(runDirectory, "secrets", "my-block")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(decryptedKubeconfig));
        }

        var inContainer = secrets.ToSecretsMap(new PathMapper(ws.Model, onHost: false));
        Assert.Equal("/workspace/artifacts/secrets/kubeconfig.yml", inContainer["kubeconfig.yml"]!.ToString());
        Assert.Equal("/workspace/artifacts/secrets/my-block/token", inContainer["my-block/token"]!.ToString());
        Assert.Equal("/workspace/artifacts/secrets/rclone.conf", inContainer["rclone.conf"]!.ToString());
        var onHost = secrets.ToSecretsMap(new PathMapper(ws.Model, onHost: true));
        Assert.Equal(decryptedKubeconfig, onHost["kubeconfig.yml"]!.ToString());

        // What the container engine leaves behind for a file bind mount onto a missing path.
        File.WriteAllText(ws.Secret("kubeconfig.yml"), "");
        await secrets.DisposeAsync();

        Assert.False(Directory.Exists(Path.Combine(runDirectory, "secrets")));
        Assert.Equal(workspaceBefore, ws.Files());
    }

    [Fact]
    public async Task Without_a_key_encrypted_secrets_are_left_out()
    {
        ws.Write("token", "abcdefgh");
        await EncryptAllAsync();
        ws.Write("plain.txt", "p");

        await using var secrets = await new SecretsProvisioner().ProvisionAsync(ws.Model, IdentitySource.None, runDirectory, default);

        Assert.Equal(["plain.txt"], secrets.Secrets.Select(s => s.Name));
        Assert.Empty(secrets.Mounts);
    }

    [Fact]
    public async Task Decrypted_kubeconfig_and_ssh_key_are_found_by_the_action_environment()
    {
        ws.Write("kubeconfig.yml", "apiVersion: v1\n");
        ws.Write("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        await EncryptAllAsync();
        await using var secrets = await new SecretsProvisioner().ProvisionAsync(ws.Model, ws.Identity, runDirectory, default);
        var block = new Block { Name = "app", Location = ws.Model.Location };
        var action = new BlockAction { Name = "deploy", Script = ["true"], Location = ws.Model.Location };
        var context = new ActionContext
        {
            Workspace = ws.Model with { Blocks = [block] },
            Block = block,
            Action = action,
            TransactionId = "t",
        };
        var options = new ActionPreparationOptions { RunDirectory = runDirectory, Secrets = secrets };

        var inContainer = ActionEnvironmentBuilder.Build(context, options);
        var onHost = ActionEnvironmentBuilder.Build(context with { OnHost = true }, options);
        var env = inContainer.Environment.ToDictionary(e => e.Name, e => e.Value);
        var hostEnv = onHost.Environment.ToDictionary(e => e.Name, e => e.Value);

        // The key is handed over as a 0600 copy of the decrypted file in the run directory.
        var keyCopy = Path.Combine(runDirectory, "ssh", "id_ed25519");
        Assert.Equal("/workspace/artifacts/secrets/kubeconfig.yml", env["KUBECONFIG"]);
        Assert.Equal(SshKeyLocator.ContainerPath, env["ANSIBLE_PRIVATE_KEY_FILE"]);
        Assert.Contains(new MountEntry(keyCopy, SshKeyLocator.ContainerPath, ReadOnly: true), inContainer.Mounts);
        Assert.Contains(new PrivateFile(keyCopy, CopyFrom: Path.Combine(runDirectory, "secrets", "id_ed25519")), inContainer.Files);
        Assert.Equal(Path.Combine(runDirectory, "secrets", "kubeconfig.yml"), hostEnv["KUBECONFIG"]);
        Assert.Equal(keyCopy, hostEnv["ANSIBLE_PRIVATE_KEY_FILE"]);
    }
}
