namespace Polycrate.Build.Cli.Tests;

/// <summary>Errors at the CLI's edge carry a PCB code, never a raw .NET message alone, and never echo credentials.</summary>
public sealed class CliDiagnosisTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-cli-diagnosis-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Credentials_typed_into_a_pull_reference_are_refused_without_echoing_them()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), "name: consumer\n");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", _root, "blocks", "pull", "deploy:Hunter2Secret@127.0.0.1:5101/acme/edge-ota:1.0.0");

        Assert.Equal(2, exit);
        Assert.Contains("error PCB4001", stderr, StringComparison.Ordinal);
        Assert.Contains("***@127.0.0.1:5101/acme/edge-ota:1.0.0", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2Secret", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_too_long_for_the_file_system_is_a_coded_error_with_a_hint()
    {
        var tooLong = Path.Combine(_root, new string('w', 300));

        var (exit, _, stderr) = await CliRunner.RunAsync("workspace", "init", "-w", tooLong, "--name", "demo");

        Assert.Equal(1, exit);
        Assert.Contains("error PCB7004", stderr, StringComparison.Ordinal);
        Assert.Contains("shorter", stderr, StringComparison.Ordinal);
    }
}
