using Cake.Core.IO;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;

namespace Cake.Polycrate;

/// <summary>What every Polycrate alias needs: where the workspace is and how to run. The defaults match the CLI.</summary>
public class PolycrateSettings
{
    /// <summary>The directory holding workspace.poly; default: the working directory of the Cake run.</summary>
    public DirectoryPath? WorkspaceDirectory { get; set; }

    /// <summary>Treat workspace warnings as errors.</summary>
    public bool Strict { get; set; }

    public RuntimeKind Runtime { get; set; } = RuntimeKind.Container;

    public ImagePullPolicy Pull { get; set; } = ImagePullPolicy.Missing;

    /// <summary>Steps of one workflow run at most this many at once.</summary>
    public int MaxParallel { get; set; } = 1;

    /// <summary>Confirms action and workflow prompts; a Cake run never waits for input, so a prompt without it fails.</summary>
    public bool Force { get; set; }

    /// <summary>Pull missing registry blocks before a run.</summary>
    public bool BlocksAutoPull { get; set; }

    /// <summary>Dockerfile for the toolchain image; default: the workspace's Dockerfile.poly.</summary>
    public FilePath? Dockerfile { get; set; }

    /// <summary>Write a JUnit XML report of the run (one test case per step) to this file.</summary>
    public FilePath? JUnitPath { get; set; }

    /// <summary>Registries (<c>host</c> or <c>host:port</c>) spoken to over plain HTTP; loopback registries always are.</summary>
    public ICollection<string> InsecureRegistries { get; } = [];

    /// <summary>Mount the Docker engine's socket into action containers (like <c>--docker-socket</c>).</summary>
    public bool DockerSocket { get; set; }

    /// <summary>A copy with the same values, so a registered task never shares mutable settings with the script.</summary>
    internal T CopyTo<T>(T target)
        where T : PolycrateSettings
    {
        target.WorkspaceDirectory = WorkspaceDirectory;
        target.Strict = Strict;
        target.Runtime = Runtime;
        target.Pull = Pull;
        target.MaxParallel = MaxParallel;
        target.Force = Force;
        target.BlocksAutoPull = BlocksAutoPull;
        target.Dockerfile = Dockerfile;
        target.JUnitPath = JUnitPath;
        target.DockerSocket = DockerSocket;
        foreach (var registry in InsecureRegistries)
        {
            target.InsecureRegistries.Add(registry);
        }

        return target;
    }
}
