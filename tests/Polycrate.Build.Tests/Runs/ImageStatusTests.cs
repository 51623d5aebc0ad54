using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Reporting;
using Polycrate.Build.Runs;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Runs;

/// <summary>
/// The image status says only what is known: when the first container create is the image check (pull on 404), the
/// image target does not claim "up-to-date" before it; the run's results (summary, run log) say "pulled" or "present"
/// from what the create found. The words every front end prints (<see cref="RunMessages"/>) carry it.
/// </summary>
public sealed class ImageStatusTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public ImageStatusTests() => _workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    actions: [{name: one, script: [echo]}]\n");

    public void Dispose() => _workspace.Dispose();

    private async Task<(TargetResult Live, TargetResult Final)> RunAsync(FakeEngine engine)
    {
        var observer = new RecordingObserver();
        var report = await new PolycrateEngine(NullLoggerFactory.Instance, _ => { }, null, new RunServices
        {
            Workspaces = new SequenceWorkspaces(_workspace.Root),
            Blocks = new FakeBlocks(),
            Engines = (_, _) => engine,
            Clock = TimeProvider.System,
            Recorders = () => [],
        }).RunActionAsync(new RunOptions { WorkspaceDirectory = _workspace.Root }, "app", "one", observer, CancellationToken.None);
        Assert.True(report.Summary.Succeeded);
        return (observer.Finished.Single(r => r.Target.Id == Target.ImageId), report.Summary[Target.ImageId]!);
    }

    [Fact]
    public async Task Pulled_at_the_first_create_is_pulled_not_up_to_date()
    {
        var pulls = 0;
        var atCreate = new ImageAtCreate((_, _) => { pulls++; return Task.CompletedTask; });

        var (live, final) = await RunAsync(new FakeEngine { ImageAtCreate = atCreate, PullAtCreate = true });

        Assert.Equal(1, pulls);
        Assert.Equal(TargetStatus.Succeeded, live.Status);
        Assert.Equal("toolchain:test: checked at the first container create, which pulls it if the engine does not have it", live.Message);
        Assert.Equal(TargetStatus.Succeeded, final.Status);
        Assert.Equal("toolchain:test pulled at the first container create (the engine did not have it)", final.Message);
        Assert.EndsWith("(toolchain:test pulled at the first container create (the engine did not have it))", RunMessages.Finished(final), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Found_at_the_first_create_is_present()
    {
        var (live, final) = await RunAsync(new FakeEngine { ImageAtCreate = new ImageAtCreate((_, _) => throw new InvalidOperationException("no pull")) });

        Assert.NotEqual(TargetStatus.UpToDate, live.Status);
        Assert.Equal(TargetStatus.UpToDate, final.Status);
        Assert.Equal("toolchain:test present (found at the first container create)", final.Message);
    }

    [Theory]
    [InlineData("", false, TargetStatus.UpToDate, "toolchain:test present")]
    [InlineData("", true, TargetStatus.Succeeded, "toolchain:test pulled")]
    [InlineData("3f2a", false, TargetStatus.UpToDate, "toolchain:test up to date (built before from the same inputs)")]
    [InlineData("3f2a", true, TargetStatus.Succeeded, "toolchain:test built")]
    public async Task Checked_by_the_image_target_it_says_what_it_did(string contextHash, bool built, TargetStatus status, string message)
    {
        var (live, final) = await RunAsync(new FakeEngine { Image = new WorkspaceImageResult("toolchain:test", built, contextHash, []) });

        Assert.Equal((status, message), (live.Status, live.Message));
        Assert.Equal(live, final);
    }
}
