using System.Diagnostics;
using Polycrate.Build.Secrets;

namespace Polycrate.Build.Tests.Secrets;

/// <summary>Issue 9.9: <c>workspace init --with-ssh-keys</c> writes an ed25519 pair OpenSSH reads, private key 0600.</summary>
public sealed class SshKeyPairWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pcb-sshkey-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_pair_is_ed25519_private_0600_and_ssh_keygen_derives_the_same_public_key()
    {
        var key = Path.Combine(_directory, "artifacts", "secrets", "id_ed25519");

        await SshKeyPairWriter.WriteAsync(key, "polycrate@ws", default);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        var publicKey = (await File.ReadAllTextAsync(key + ".pub")).Trim();
        Assert.StartsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", publicKey, StringComparison.Ordinal);
        Assert.EndsWith(" polycrate@ws", publicKey, StringComparison.Ordinal);

        // OpenSSH itself must accept the private key: ssh-keygen -y prints the public key it derives from it.
        var psi = new ProcessStartInfo("ssh-keygen", ["-y", "-f", key]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var derived = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        Assert.Equal(string.Join(' ', publicKey.Split(' ')[..2]), string.Join(' ', derived.Trim().Split(' ')[..2]));
    }

    [Fact]
    public async Task An_existing_key_is_never_overwritten()
    {
        var key = Path.Combine(_directory, "id_ed25519");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(key, "mine");

        await Assert.ThrowsAsync<IOException>(() => SshKeyPairWriter.WriteAsync(key, "x", default));

        Assert.Equal("mine", await File.ReadAllTextAsync(key));
        Assert.False(File.Exists(key + ".pub"));
    }
}
