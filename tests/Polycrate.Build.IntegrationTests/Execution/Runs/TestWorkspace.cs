using Polycrate.Build.Transactions;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// A throw-away workspace in a temp directory, run through the CLI. Its name is unique per test, so containers and
/// images it makes (labels polycrate.workspace, image tags) are its own.
/// </summary>
public sealed class TestWorkspace : IDisposable
{
    private TestWorkspace(string root, string name)
    {
        Root = root;
        Name = name;
    }

    public string Root { get; }

    public string Name { get; }

    /// <summary>A workspace with a toolchain image and the given workspace.poly body (blocks:, workflows: …).</summary>
    public static TestWorkspace Create(string body)
    {
        var name = "it-run-" + Guid.NewGuid().ToString("N")[..10];
        var workspace = new TestWorkspace(Directory.CreateTempSubdirectory("pcb-run-").FullName, name);
        workspace.Write("workspace.poly", $"name: {name}\nconfig:\n  container:\n    image: polycrate-toolchain:bookworm-2\n{body}");
        return workspace;
    }

    /// <summary>
    /// A copy of a sample of the repository as a fresh checkout has it, plus its generated SSH key (the sample targets
    /// authorize it), to edit and run without touching the original (<see cref="Polycrate.Build.Testing.SampleCopy"/>);
    /// <paramref name="withArtifacts"/> for a test fixture whose artifacts are committed.
    /// </summary>
    public static TestWorkspace CopyOf(string sampleDirectory, bool withArtifacts = false)
    {
        var root = Directory.CreateTempSubdirectory("pcb-sample-").FullName;
        Polycrate.Build.Testing.SampleCopy.Copy(sampleDirectory, root, withSshKey: true, withArtifacts);
        return new TestWorkspace(root, Path.GetFileName(sampleDirectory));
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>Runs <c>polycrate-build -w ROOT args…</c>.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        CliRun.InvokeAsync(["-w", Root, .. args], cancellationToken);

    /// <summary>Runs <c>polycrate-build -w ROOT args…</c>, with <c>--isolate-steps</c> on run commands when <paramref name="mode"/> is isolated.</summary>
    public Task<CliRun> RunAsync(StepContainers mode, params string[] args) => RunAsync(CancellationToken.None, mode.Apply(args));

    public Task<CliRun> RunAsync(StepContainers mode, CancellationToken cancellationToken, params string[] args) => RunAsync(cancellationToken, mode.Apply(args));

    /// <summary>The newest run log of this workspace.</summary>
    public RunLogEntry LatestLog()
    {
        var logs = new RunLogStore(Root, ".logs").List();
        return logs.Count > 0 ? logs[0] : throw new InvalidOperationException($"no run log under {Root}/.logs");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
