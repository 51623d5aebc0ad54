using Polycrate.Build.Loading;

namespace Polycrate.Build.Tests.Support;

/// <summary>A workspace in a fresh temporary directory; files are written relative to its root.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "pcb-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempWorkspace Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Loads with no environment variables unless <paramref name="environment"/> is given, so the machine's own settings never leak in.</summary>
    public Task<LoadResult> LoadAsync(bool strict = false, bool allowMissing = false, IReadOnlyDictionary<string, string>? environment = null) =>
        new WorkspaceLoader().LoadAsync(Root,
            new LoadOptions { Strict = strict, AllowMissingBlocks = allowMissing, GetEnvironmentVariable = name => environment?.GetValueOrDefault(name) },
            CancellationToken.None);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
