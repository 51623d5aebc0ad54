using System.Text.Json;
using Polycrate.Build.Cli;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>A workspace in a temporary directory, driven through the CLI in process (as a user would).</summary>
internal sealed class ScratchWorkspace : IDisposable
{
    public ScratchWorkspace(string workspacePoly)
    {
        Root = Path.Combine(Path.GetTempPath(), "pcb-blocks-it-" + Guid.NewGuid().ToString("N")[..12]);
        Write("workspace.poly", workspacePoly);
    }

    public string Root { get; }

    public string LockFile => Path.Combine(Root, Polycrate.Build.WorkspaceBlocks.BlockLockFile.FileName);

    public string Write(string relative, string content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => Path.Exists(Path.Combine(Root, relative));

    /// <summary>Runs <c>polycrate-build -w ROOT args…</c>; the terminal is not interactive, as in CI.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new CliApplication(stdout, stderr).RunAsync(["-w", Root, .. args], CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command with <c>-o json</c> that must succeed and returns its data.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (code, stdout, stderr) = await CliAsync([.. args, "-o", "json"]);
        Assert.True(code == 0, $"polycrate-build {string.Join(' ', args)} exited {code}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
