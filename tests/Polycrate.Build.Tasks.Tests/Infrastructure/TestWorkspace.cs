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

    public static TestWorkspace CopyOf(string sample)
    {
        var workspace = Empty();
        var source = Path.Combine(RepositoryPaths.Samples, sample);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            // As a fresh checkout: no build output, no Cake tools, and no artifacts (a run's logs, the git-ignored SSH key
            // eng/samples/start-targets.sh makes for the repository's sample; the copy gets its own).
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("tools", StringComparison.Ordinal)
                || relative.StartsWith("artifacts", StringComparison.Ordinal) || relative.StartsWith(".logs", StringComparison.Ordinal))
            {
                continue;
            }

            workspace.Write(relative, File.ReadAllText(file));
        }

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
