using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.Registry;

/// <summary>Issue 12 item 1: a push's temporary layer lives in a private (0700) directory, removed with the layer.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PackedLayerPrivacyTests : IDisposable
{
    private readonly string _block = Directory.CreateTempSubdirectory("pcb-block-").FullName;

    public void Dispose() => Directory.Delete(_block, recursive: true);

    [Fact]
    public async Task Layer_is_written_into_a_private_directory_of_this_process_and_removed_on_dispose()
    {
        await File.WriteAllTextAsync(Path.Combine(_block, "block.poly"), "name: b\nversion: 1.0.0\n");
        string directory;
        using (var layer = await BlockPacker.PackAsync(_block, null, default))
        {
            directory = Path.GetDirectoryName(layer.FilePath)!;
            Assert.Equal(PrivateRunRoot.Path, Path.GetDirectoryName(directory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            var record = RunRecord.TryParse(await File.ReadAllTextAsync(Path.Combine(directory, RunRecord.FileName)));
            Assert.Equal(ProcessOwner.Current, record!.Owner);
        }

        Assert.False(Directory.Exists(directory));
    }
}
