namespace Polycrate.Build.FrontEndTests;

/// <summary>A scratch copy of a sample (or a workspace written by the test) in a temporary directory.</summary>
internal sealed class TestWorkspace : IDisposable
{
    private TestWorkspace(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static TestWorkspace Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "polycrate-fe-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        return new TestWorkspace(root);
    }

    /// <summary>A copy of a sample as a fresh checkout has it (<see cref="Polycrate.Build.Testing.SampleCopy"/>).</summary>
    public static TestWorkspace CopyOf(string sample)
    {
        var workspace = Empty();
        Polycrate.Build.Testing.SampleCopy.Copy(Path.Combine(RepositoryPaths.Samples, sample), workspace.Root);
        return workspace;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Adds the test's feed to the machine's NuGet sources (which serve Cake.Tool).</summary>
    public void UseFeed(string feed) => Write("nuget.config", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="polycrate-test" value="{feed}" />
          </packageSources>
        </configuration>
        """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
