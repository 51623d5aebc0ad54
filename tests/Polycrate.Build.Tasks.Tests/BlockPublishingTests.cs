using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Real `dotnet build -t:PackBlocks/PushBlocks/PullBlocks` of workspace projects against the local registry of
/// eng/start-registry.sh (started by the test; the test fails when it cannot start), checked with skopeo.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed partial class BlockPublishingTests(SdkFeedFixture feed)
{
    [Fact]
    public async Task PushBlocks_pushes_each_block_once_and_PullBlocks_installs_it_in_a_consumer_workspace()
    {
        var registry = await LocalRegistry.StartAsync();
        var prefix = registry.NewPrefix();
        using var publisher = PublisherWorkspace();
        using var consumer = ConsumerWorkspace($"{prefix}/tools:0.1.0");

        var first = await BuildAsync(publisher, "blocks.polyproj", "-t:PushBlocks", $"-p:PolycrateRegistry={prefix}");
        var second = await BuildAsync(publisher, "blocks.polyproj", "-t:PushBlocks", $"-p:PolycrateRegistry={prefix}");
        var pack = await BuildAsync(publisher, "blocks.polyproj", "-t:PackBlocks", $"-p:PolycrateRegistry={prefix}");
        var pull = await BuildAsync(consumer, "consumer.polyproj", "-t:PullBlocks");

        Assert.True(first.ExitCode == 0, first.ToString());
        var pushed = Pushed().Matches(first.Output).Single();
        Assert.Equal($"{prefix}/tools:0.1.0", pushed.Groups["reference"].Value);
        Assert.True(long.Parse(pushed.Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, first.Output);
        Assert.Contains("not publishing", first.Output, StringComparison.Ordinal); // blocks/tools-prod is an instance: skipped, not an error
        var digest = pushed.Groups["digest"].Value;
        Assert.Equal(digest, await LocalRegistry.InspectDigestAsync($"docker://{prefix}/tools:0.1.0"));

        Assert.True(second.ExitCode == 0, second.ToString());
        var again = Pushed().Matches(second.Output).Single();
        Assert.Equal(digest, again.Groups["digest"].Value);
        Assert.Equal("0", again.Groups["bytes"].Value);

        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Equal(digest, await LocalRegistry.InspectDigestAsync($"oci:{publisher.PathOf("bin/blocks/tools")}:0.1.0"));

        Assert.True(pull.ExitCode == 0, pull.ToString());
        var lockFile = File.ReadAllText(consumer.PathOf("blocks.lock"));
        Assert.Contains($"repository: {prefix}/tools", lockFile, StringComparison.Ordinal);
        Assert.Contains($"digest: {digest}", lockFile, StringComparison.Ordinal);
        Assert.True(File.Exists(consumer.PathOf($"blocks/{prefix}/tools/block.poly")), pull.Output);
    }

    [Fact]
    public async Task Workflow_target_installs_its_missing_registry_block_only_with_PolycrateBlocksAutoPull()
    {
        var registry = await LocalRegistry.StartAsync();
        var prefix = registry.NewPrefix();
        using var publisher = PublisherWorkspace();
        using var consumer = ConsumerWorkspace($"{prefix}/tools:0.1.0");
        var push = await BuildAsync(publisher, "blocks.polyproj", "-t:PushBlocks", $"-p:PolycrateRegistry={prefix}");
        Assert.True(push.ExitCode == 0, push.ToString());

        var refused = await BuildAsync(consumer, "consumer.polyproj", "-t:deploy", "-p:PolycrateRuntime=Host");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("error PCB3053", refused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(consumer.PathOf("blocks.lock")), refused.Output);

        var installed = await BuildAsync(consumer, "consumer.polyproj", "-t:deploy", "-p:PolycrateRuntime=Host", "-p:PolycrateBlocksAutoPull=true");
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.Contains("hello from tools", installed.Output, StringComparison.Ordinal);
        Assert.Contains($"repository: {prefix}/tools", File.ReadAllText(consumer.PathOf("blocks.lock")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushBlocks_of_a_block_without_version_is_a_PCB4010_error_at_its_block_poly()
    {
        var registry = await LocalRegistry.StartAsync();
        using var publisher = PublisherWorkspace();
        publisher.Write("blocks/tools/block.poly", File.ReadAllText(publisher.PathOf("blocks/tools/block.poly")).Replace("version: 0.1.0\n", string.Empty, StringComparison.Ordinal));

        var result = await BuildAsync(publisher, "blocks.polyproj", "-t:PushBlocks", $"-p:PolycrateRegistry={registry.NewPrefix()}");

        Assert.NotEqual(0, result.ExitCode);
        var file = Regex.Escape(publisher.PathOf("blocks/tools/block.poly"));
        Assert.Matches(new Regex($@"{file}\(\d+,\d+\): Polycrate error PCB4010: block 'tools' has no 'version'"), result.Output);
    }

    /// <summary>A block to publish (blocks/tools) and an instance of it (blocks/tools-prod), which PushBlocks must skip.</summary>
    private TestWorkspace PublisherWorkspace()
    {
        var workspace = TestWorkspace.Empty();
        workspace.UseFeed(feed.Feed);
        workspace.Write("blocks.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        workspace.Write("workspace.poly", "name: block-publisher\n");
        workspace.Write("blocks/tools/block.poly", """
            name: tools
            version: 0.1.0
            kind: generic
            actions:
              - name: hello
                script:
                  - echo "hello from tools"
            """ + "\n");
        workspace.Write("blocks/tools-prod/block.poly", "name: tools-prod\nfrom: tools\n");
        return workspace;
    }

    /// <summary>A workspace whose block 'app' inherits from a registry block it does not have yet; workflow deploy runs app hello.</summary>
    private TestWorkspace ConsumerWorkspace(string reference)
    {
        var workspace = TestWorkspace.Empty();
        workspace.UseFeed(feed.Feed);
        workspace.Write("consumer.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        workspace.Write("workspace.poly", $"""
            name: block-consumer
            blocks:
              - name: app
                from: {reference}
            workflows:
              - name: deploy
                steps:
                  - name: hello
                    block: app
                    action: hello
            """ + "\n");
        return workspace;
    }

    private Task<CommandResult> BuildAsync(TestWorkspace workspace, string project, params string[] arguments) =>
        DotnetCommand.RunAsync(workspace.Root, ["build", project, "-nodeReuse:false", .. arguments],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder, ["CI"] = "true" },
            TimeSpan.FromMinutes(8));

    [GeneratedRegex(@"Polycrate: pushed (?<reference>\S+)@(?<digest>sha256:[0-9a-f]{64}) \((?<bytes>\d+) bytes uploaded")]
    private static partial Regex Pushed();
}
