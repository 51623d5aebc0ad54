using Polycrate.Build.Registry;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>
/// Issue 12 item 3: a block.poly that arrives through a pull goes through the same reader and limits as a workspace
/// load: 30,000 nested '[' (formerly a stack overflow that killed the process and left the staging folder) and a
/// "billion laughs" file end as PCB4008 naming the line, the installed block stays, no staging folder stays.
/// </summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileBlockFileTests(RegistryFixture registry)
{
    [Theory]
    [InlineData("deep")]
    [InlineData("laughs")]
    public async Task A_hostile_block_poly_is_refused_cleanly_and_the_staging_folder_removed(string kind)
    {
        var blockPoly = kind == "deep"
            ? "name: edge-ota\nversion: 6.6.6\nconfig:\n  x: " + new string('[', 30_000) + new string(']', 30_000) + "\n"
            : "name: edge-ota\nversion: 6.6.6\nconfig:\n  a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
              + string.Concat(Enumerable.Range(1, 9).Select(i => $"  l{i}: &l{i} [{string.Join(',', Enumerable.Repeat(i == 1 ? "*a" : $"*l{i - 1}", 10))}]\n"));
        using var client = registry.Client();
        using var installed = new TestBlock("1.0.0");
        var reference = ImageReference.Parse($"{registry.Anonymous}/{RegistryFixture.UniqueRepository("hostile-" + kind)}:6.6.6");
        await RawImage.PushAsync(client, reference, [TestBlock.Layer(("block.poly", blockPoly, null))], new Dictionary<string, string>(), docker: false, reference.Tag!);
        var before = File.ReadAllText(Path.Combine(installed.Path, "block.poly"));

        var error = await Assert.ThrowsAsync<InvalidBlockArtifactException>(() => new BlockPuller(client).PullAsync(
            new PullOptions(reference, installed.Path) { ValidateStagedBlock = staging => PulledBlockValidator.Validate(staging, "block.poly", reference) },
            default));

        Assert.Equal("PCB4008", error.Code);
        Assert.Contains("block.poly:", error.Message, StringComparison.Ordinal);
        Assert.Contains(kind == "deep" ? "nested more than 100 levels" : "once its aliases", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 2000, error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(installed.Path, "block.poly")));
        var parent = Path.GetDirectoryName(installed.Path)!;
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent, $".{Path.GetFileName(installed.Path)}.*"));
    }
}
