using System.Diagnostics;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>
/// A local bare repository as the remote and a clone holding a workspace in its subfolder <c>ops/ws</c> (beside a file
/// outside the workspace), everything in one temp directory. Uses the real git CLI.
/// </summary>
public sealed class GitRepositories : IDisposable
{
    public GitRepositories(string workspacePoly)
    {
        Root = Directory.CreateTempSubdirectory("pcb-git-").FullName;
        Git(Root, "init", "--quiet", "--bare", "-b", "main", Remote);
        Git(Root, "clone", "--quiet", Remote, Clone);
        Configure(Clone);
        Write("outside.txt", "outside the workspace\n");
        Write("ops/ws/workspace.poly", workspacePoly);
        Write("ops/ws/notes.md", "notes\n");
        Git(Clone, "add", ".");
        Git(Clone, "commit", "--quiet", "-m", "initial");
        Git(Clone, "push", "--quiet", "-u", "origin", "main");
    }

    public string Root { get; }

    public string Remote => Path.Combine(Root, "remote.git");

    public string Clone => Path.Combine(Root, "clone");

    public string Workspace => Path.Combine(Clone, "ops", "ws");

    public void Write(string relativePath, string content, string? clone = null)
    {
        var path = Path.Combine(clone ?? Clone, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>A second clone (another teammate), configured and up to date.</summary>
    public string SecondClone()
    {
        var other = Path.Combine(Root, "other-" + Guid.NewGuid().ToString("N")[..6]);
        Git(Root, "clone", "--quiet", Remote, other);
        Configure(other);
        return other;
    }

    public string Head(string? clone = null) => Git(clone ?? Clone, "rev-parse", "HEAD").Trim();

    /// <summary>Runs git in <paramref name="directory"/>; returns stdout, throws with stderr when it fails.</summary>
    public static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout : throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr}");
    }

    private static void Configure(string clone)
    {
        Git(clone, "config", "user.name", "Polycrate Test");
        Git(clone, "config", "user.email", "test@example.com");
        Git(clone, "config", "pull.rebase", "false");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
