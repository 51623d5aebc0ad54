using System.Diagnostics;
using System.Text;

namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// The CLI as a process (the build output's apphost): a bare <c>version</c> skips the parser, and stdout/stderr are
/// the CLI's own buffered writers instead of Console's. What a user sees must be byte for byte what the parser path
/// and the in-process writers give.
/// </summary>
public sealed class ProcessOutputTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    [Fact]
    public async Task Bare_version_prints_the_same_bytes_as_the_parsed_command()
    {
        var bare = await RunProcessAsync("version");
        var parsed = await RunProcessAsync("-w", Nightly, "version");

        Assert.Equal(0, bare.ExitCode);
        Assert.Equal(0, parsed.ExitCode);
        Assert.Equal($"polycrate-build {ProductInfo.Version} (.NET {Environment.Version})\n", Encoding.UTF8.GetString(bare.Stdout));
        Assert.Equal(parsed.Stdout, bare.Stdout);
        Assert.Empty(bare.Stderr);
    }

    [Fact]
    public async Task Version_in_process_is_the_same_line()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("version");

        Assert.Equal(0, exit);
        Assert.Equal($"polycrate-build {ProductInfo.Version} (.NET {Environment.Version}){Environment.NewLine}", stdout);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public async Task Inspect_output_of_the_process_equals_the_in_process_output(string format)
    {
        var root = Directory.CreateTempSubdirectory("pcb-process-output-").FullName;
        try
        {
            // 60 blocks with a little config and a missing playbook each: stdout spans several of the writer's 4,096-character
            // buffers (and chunks of the rendered YAML), stderr carries one warning per block.
            await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"), "name: ws\n");
            for (var i = 0; i < 60; i++)
            {
                var block = Path.Combine(root, "blocks", $"b{i:D2}");
                Directory.CreateDirectory(block);
                await File.WriteAllTextAsync(Path.Combine(block, "block.poly"),
                    $"name: b{i:D2}\nconfig: {{text: \"ü{i} {{{{ x }}}}\", list: [1, two, {{k: v}}]}}\nactions: [{{name: go, playbook: go.yml}}]\n");
            }

            await AssertSameOutputAsync(root, format);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task AssertSameOutputAsync(string workspace, string format)
    {
        var process = await RunProcessAsync("-w", workspace, "workspace", "inspect", "-o", format);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("-w", workspace, "workspace", "inspect", "-o", format);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(exit, process.ExitCode);
        Assert.True(stdout.Length > 3 * 8 * 1024, $"the output spans several of the writer's 4,096-character buffers ({stdout.Length} characters)");
        Assert.Equal(60, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(stdout, Encoding.UTF8.GetString(process.Stdout));
        Assert.Equal(stderr, Encoding.UTF8.GetString(process.Stderr));
        Assert.False(process.Stdout.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
    }

    private static async Task<(int ExitCode, byte[] Stdout, byte[] Stderr)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "polycrate-build"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        await Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout.ToArray(), stderr.ToArray());
    }
}
