using System.Diagnostics;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// Issue 12 item 1 with a real <c>kill -9</c> of <c>workspace decrypt</c> halfway through a large secret: the partial
/// plaintext temporary file is git-ignored (real git), private (0600), and the next command removes it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CrashDuringDecryptTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create("");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Partial_plaintext_of_a_killed_decrypt_is_git_ignored_and_removed_by_the_next_command()
    {
        var identity = X25519Identity.Generate();
        var big = _workspace.PathOf("artifacts/secrets/backup.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        await using (var file = File.Create(big))
        {
            file.SetLength(400L << 20);
        }

        await AgeFile.EncryptToFileAsync(big, big + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        File.Delete(big);
        await GitAsync("init", "-q");

        using var cli = CliProcess.Start(new Dictionary<string, string> { ["WORKSPACE_ENCRYPTION_KEY"] = identity.ToSecretString() },
            "-w", _workspace.Root, "workspace", "decrypt");
        string? temporary = null;
        await cli.WaitUntilAsync(() =>
        {
            temporary = Directory.EnumerateFiles(Path.GetDirectoryName(big)!, ".backup.tar.*.tmp").FirstOrDefault();
            return Task.FromResult(temporary is not null && new FileInfo(temporary).Length > 0);
        }, TimeSpan.FromMinutes(2), "a partial plaintext temporary file");
        await cli.KillNineAsync();

        Assert.True(File.Exists(temporary), "the kill leaves the partial plaintext");
        Assert.False(File.Exists(big));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temporary!));
        var relative = Path.GetRelativePath(_workspace.Root, temporary!);
        Assert.Equal(0, (await GitAsync("check-ignore", "-q", relative)).ExitCode);
        Assert.DoesNotContain(Path.GetFileName(temporary!), (await GitAsync("status", "--porcelain", "--untracked-files=all")).Output, StringComparison.Ordinal);

        var next = await _workspace.RunAsync("workspace", "status");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(File.Exists(temporary), "the next command removes the stale temporary file");
        Assert.Contains("backup.tar", next.Stdout, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> GitAsync(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git is missing (eng/install-prereqs.sh installs it)");
        var output = await git.StandardOutput.ReadToEndAsync() + await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        return (git.ExitCode, output);
    }
}
