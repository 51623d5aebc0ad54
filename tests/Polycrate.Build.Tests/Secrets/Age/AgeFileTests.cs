using Polycrate.Build.Secrets.Age;
using static Polycrate.Build.Tests.Secrets.Age.AgeTestSupport;

namespace Polycrate.Build.Tests.Secrets.Age;

public sealed class AgeFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("age-file-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Encrypts_and_decrypts_files_atomically()
    {
        var identity = X25519Identity.Generate();
        var plain = Path.Combine(dir, "secret.txt");
        var plaintext = RandomBytes(200_000);
        await File.WriteAllBytesAsync(plain, plaintext);

        await AgeFile.EncryptToFileAsync(plain, plain + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        await AgeFile.DecryptToFileAsync(plain + ".age", Path.Combine(dir, "out.txt"), [identity], CancellationToken.None);

        Assert.Equal(plaintext, await File.ReadAllBytesAsync(Path.Combine(dir, "out.txt")));
        Assert.Equal(["out.txt", "secret.txt", "secret.txt.age"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "out.txt")));
        }
    }

    [Fact]
    public async Task Failed_decryption_leaves_no_output_file()
    {
        var identity = X25519Identity.Generate();
        var encrypted = Path.Combine(dir, "big.age");

        // Three chunks, the last one corrupted: the first two authenticate before the failure.
        var ciphertext = await EncryptAsync(RandomBytes(64 * 1024 * 2 + 100), [identity.Recipient]);
        ciphertext[^3] ^= 1;
        await File.WriteAllBytesAsync(encrypted, ciphertext);
        var destination = Path.Combine(dir, "big.txt");

        var ex = await Assert.ThrowsAsync<AgeException>(() => AgeFile.DecryptToFileAsync(encrypted, destination, [identity], CancellationToken.None));

        Assert.Equal(AgeErrorKind.PayloadAuthenticationFailed, ex.Kind);
        Assert.Equal(["big.age"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Failed_decryption_keeps_an_existing_destination_unchanged()
    {
        var encrypted = Path.Combine(dir, "x.age");
        await File.WriteAllBytesAsync(encrypted, await EncryptAsync([1, 2, 3], [X25519Identity.Generate().Recipient]));
        var destination = Path.Combine(dir, "x.txt");
        await File.WriteAllTextAsync(destination, "previous");

        await Assert.ThrowsAsync<AgeException>(() => AgeFile.DecryptToFileAsync(encrypted, destination, [X25519Identity.Generate()], CancellationToken.None));

        Assert.Equal("previous", await File.ReadAllTextAsync(destination));
        Assert.Equal(2, Directory.GetFiles(dir).Length);
    }
}
