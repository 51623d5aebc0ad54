namespace Polycrate.Build.Tests.Execution.ImageBuild;

/// <summary>A throw-away directory with helpers to write files into it.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pcb-ctx-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
