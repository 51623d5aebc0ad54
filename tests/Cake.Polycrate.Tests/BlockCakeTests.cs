using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// A build.cake that pushes a block with <c>PolycratePushBlock</c> and pulls it into another workspace with
/// <c>PolycratePullBlock</c>, against the local registry of eng/start-registry.sh (the test fails when it cannot start).
/// </summary>
[Collection(AddinCollection.Name)]
public sealed partial class BlockCakeTests(AddinFeedFixture feed)
{
    [Fact]
    public async Task Build_cake_pushes_a_block_and_pulls_it_into_a_consumer_workspace()
    {
        var registry = await LocalRegistry.StartAsync();
        var prefix = registry.NewPrefix();
        using var workspace = TestWorkspace.Empty();
        workspace.Write("workspace.poly", "name: block-publisher\n");
        workspace.Write("blocks/tools/block.poly", "name: tools\nversion: 0.2.0\nkind: generic\n");
        workspace.Write("consumer/workspace.poly", "name: block-consumer\n");
        workspace.Write("build.cake", $$"""
            #addin nuget:?package=Cake.Polycrate&version=0.1.0

            var pushed = PolycratePushBlock("tools", new PolycratePushBlockSettings { Registry = "{{prefix}}" });
            Information("PUSHED " + pushed);
            var again = PolycratePushBlock("blocks/tools", new PolycratePushBlockSettings { Registry = "{{prefix}}" });
            Information("AGAIN " + again);
            var digest = PolycratePullBlock("{{prefix}}/tools:0.2.0", new PolycratePullBlockSettings { WorkspaceDirectory = Directory("consumer") });
            Information("PULLED " + digest);
            """);

        await feed.RestoreToolsAsync(workspace);

        var result = await feed.CakeAsync(workspace);

        Assert.True(result.ExitCode == 0, result.ToString());
        var pushed = Line("PUSHED").Match(result.Output);
        Assert.True(pushed.Success, result.Output);
        Assert.Equal($"{prefix}/tools:0.2.0", pushed.Groups["reference"].Value);
        var digest = pushed.Groups["digest"].Value;
        Assert.Equal(digest, await LocalRegistry.InspectDigestAsync($"docker://{prefix}/tools:0.2.0"));
        Assert.Equal(digest, Line("AGAIN").Match(result.Output).Groups["digest"].Value);
        Assert.Contains($"pushed {prefix}/tools:0.2.0@{digest} (0 bytes uploaded", result.Output, StringComparison.Ordinal);
        Assert.Contains($"PULLED {digest}", result.Output, StringComparison.Ordinal);
        var lockFile = File.ReadAllText(workspace.PathOf("consumer/blocks.lock"));
        Assert.Contains($"repository: {prefix}/tools", lockFile, StringComparison.Ordinal);
        Assert.Contains($"digest: {digest}", lockFile, StringComparison.Ordinal);
        Assert.True(File.Exists(workspace.PathOf($"consumer/blocks/{prefix}/tools/block.poly")), result.Output);
    }

    private static Regex Line(string label) => new($@"{label} (?<reference>\S+)@(?<digest>sha256:[0-9a-f]{{64}})");
}
