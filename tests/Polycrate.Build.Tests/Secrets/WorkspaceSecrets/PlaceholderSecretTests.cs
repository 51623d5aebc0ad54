using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

/// <summary>
/// Issue 12 item 1: an empty plaintext beside a non-empty .age (the mount point a killed run leaves) is never taken for
/// the secret: encrypt refuses (PCB5108) without writing anything, decrypt restores it, a run gets the .age content.
/// </summary>
public sealed class PlaceholderSecretTests : IDisposable
{
    private readonly TempWorkspace ws = new();
    private readonly string runDirectory = Path.Combine(Directory.CreateTempSubdirectory("pcb-run-").FullName, "run");

    public void Dispose()
    {
        ws.Dispose();
        Directory.Delete(Path.GetDirectoryName(runDirectory)!, recursive: true);
    }

    private async Task<string> EncryptedOnlyWithPlaceholderAsync()
    {
        ws.Write("app/token", "real-secret-value");
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity), default);
        return ws.Write("app/token", "");
    }

    [Fact]
    public async Task Encrypt_refuses_to_replace_an_age_file_with_an_empty_plaintext_and_changes_nothing()
    {
        var placeholder = await EncryptedOnlyWithPlaceholderAsync();
        var before = ws.Files();

        var error = await Assert.ThrowsAsync<WorkspaceSecretsException>(() =>
            new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity), default));

        Assert.Equal("PCB5108", error.Code);
        Assert.Equal(1, error.ExitCode);
        Assert.Contains(placeholder, error.Message, StringComparison.Ordinal);
        Assert.Contains("delete its .age file first", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, ws.Files());
    }

    [Fact]
    public async Task Encrypt_without_a_key_refuses_too()
    {
        await EncryptedOnlyWithPlaceholderAsync();
        await File.WriteAllTextAsync(RecipientsFile.DefaultPath(ws.Root), ws.Key.Recipient + "\n");
        var before = ws.Files();
        var noKey = new IdentitySource(null, null);

        var error = await Assert.ThrowsAsync<WorkspaceSecretsException>(() =>
            new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(noKey, RecipientsFile: null), default));

        Assert.Equal("PCB5108", error.Code);
        Assert.Equal(before, ws.Files());
    }

    [Fact]
    public async Task Status_says_placeholder_and_decrypt_restores_the_content_without_force()
    {
        var placeholder = await EncryptedOnlyWithPlaceholderAsync();

        var status = await SecretStatus.ReadAllAsync(ws.Model, null, default);
        Assert.Equal("placeholder", SecretStatus.Label(status.Single().State));

        await new WorkspaceDecryptor().DecryptAsync(ws.Model, ws.Identity, force: false, default);

        Assert.Equal("real-secret-value", await File.ReadAllTextAsync(placeholder));
    }

    [Fact]
    public async Task A_run_gets_the_age_content_not_the_empty_file()
    {
        await EncryptedOnlyWithPlaceholderAsync();

        await using var secrets = await new SecretsProvisioner().ProvisionAsync(ws.Model, ws.Identity, runDirectory, default);

        var token = secrets.Secrets.Single();
        Assert.True(token.Decrypted);
        Assert.Equal("real-secret-value", await File.ReadAllTextAsync(token.HostPath));
    }

    [Fact]
    public async Task Mount_points_the_engine_will_create_are_recorded_in_the_run_directory_and_removed_on_dispose()
    {
        ws.Write("app/token", "real-secret-value");
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity), default);

        var secrets = await new SecretsProvisioner().ProvisionAsync(ws.Model, ws.Identity, runDirectory, default);
        var record = Path.Combine(runDirectory, MountPoints.FileName);
        Assert.Equal([ws.Secret("app/token")], await File.ReadAllLinesAsync(record));
        await File.WriteAllTextAsync(ws.Secret("app/token"), "");  // what the engine does for the bind mount
        await secrets.DisposeAsync();

        Assert.False(File.Exists(ws.Secret("app/token")));
        Assert.True(File.Exists(ws.Secret("app/token.age")));
    }

    [Fact]
    public void A_recorded_mount_point_someone_wrote_content_into_is_kept()
    {
        var path = ws.Write("app/token", "written-later");
        var record = Path.Combine(ws.Root, "record");
        File.WriteAllLines(record, [path]);

        Assert.Empty(MountPoints.RemoveLeftovers(record));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Gitignore_section_ignores_temporary_files_below_the_secrets_folder()
    {
        var text = GitIgnoreSection.Render("", ["artifacts/secrets/app/token"], "artifacts/secrets");

        Assert.Contains("/artifacts/secrets/**/.*.tmp\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decrypt_writes_the_gitignore_section_with_the_temporary_file_pattern()
    {
        ws.Write("app/token", "real-secret-value");
        await new WorkspaceEncryptor().EncryptAsync(ws.Model, new WorkspaceEncryptOptions(ws.Identity), default);
        File.Delete(Path.Combine(ws.Root, ".gitignore"));

        await new WorkspaceDecryptor().DecryptAsync(ws.Model, ws.Identity, force: false, default);

        Assert.Contains("/artifacts/secrets/**/.*.tmp", await File.ReadAllTextAsync(Path.Combine(ws.Root, ".gitignore")), StringComparison.Ordinal);
    }
}
