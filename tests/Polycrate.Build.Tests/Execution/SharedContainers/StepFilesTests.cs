using Polycrate.Build.Execution;
using Polycrate.Build.Execution.SharedContainers;
using Polycrate.Build.Model;

namespace Polycrate.Build.Tests.Execution.SharedContainers;

/// <summary>A step's private files staged into a shared container's directory in place (bind mounts keep their inode).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StepFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-stepfiles-").FullName;

    private ActionLaunch Step(string name, string snapshot)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(directory, "vars_plugins"));
        File.WriteAllText(Path.Combine(directory, "snapshot.yml"), snapshot);
        File.WriteAllText(Path.Combine(directory, "vars_plugins", "polycrate_vars.py"), "# plugin");
        return new ActionLaunch
        {
            Command = ["true"],
            WorkingDirectory = "/workspace",
            Environment = [],
            Image = "img",
            PrivateDirectory = directory,
            Mounts =
            [
                new MountEntry("/srv/ws", "/workspace", ReadOnly: false),
                new MountEntry(Path.Combine(directory, "snapshot.yml"), "/run/polycrate/snapshot.yml", ReadOnly: true),
                new MountEntry(Path.Combine(directory, "vars_plugins"), "/run/polycrate/vars_plugins", ReadOnly: true),
            ],
        };
    }

    [Fact]
    public async Task The_next_steps_files_replace_the_previous_ones_in_the_same_inode_and_are_emptied_afterwards()
    {
        var container = Path.Combine(_root, "container-1");
        var first = Step("first", "step: first, with a longer text\n");
        await StepFiles.StageAsync(first, container, CancellationToken.None);
        var staged = Path.Combine(container, "snapshot.yml");
        var inode = Inode(staged);
        Assert.Equal("step: first, with a longer text\n", File.ReadAllText(staged));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(staged));
        Assert.Equal(StepFiles.Staged(first, first.Mounts[1], container).HostPath, staged);
        Assert.Equal("/srv/ws", StepFiles.Staged(first, first.Mounts[0], container).HostPath);

        StepFiles.Clear(container);
        Assert.Equal(0, new FileInfo(staged).Length);

        await StepFiles.StageAsync(Step("second", "step: second\n"), container, CancellationToken.None);
        Assert.Equal("step: second\n", File.ReadAllText(staged));
        Assert.Equal(inode, Inode(staged));
        Assert.Equal("# plugin", File.ReadAllText(Path.Combine(container, "vars_plugins", "polycrate_vars.py")));
    }

    [Fact]
    public async Task Clearing_leaves_the_warm_start_directory_alone_its_zygote_source_is_no_step_data()
    {
        var container = Path.Combine(_root, "container-2");
        await StepFiles.StageAsync(Step("first", "step: first\n"), container, CancellationToken.None);
        var warm = await WarmStart.CreateDirectoryAsync(container, CancellationToken.None);
        var zygote = Path.Combine(warm, "zygote.py");
        var length = new FileInfo(zygote).Length;

        StepFiles.Clear(container);

        Assert.Equal(0, new FileInfo(Path.Combine(container, "snapshot.yml")).Length);
        Assert.True(length > 1000);
        Assert.Equal(length, new FileInfo(zygote).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(warm));
    }

    private static string Inode(string path) =>
        System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!
            .StandardOutput.ReadToEnd().Trim();

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
