namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// The Ansible target containers of a sample (nightly-maintenance: db01 and app01 on 127.0.0.1:22211/22212) for a
/// copy of that sample, brought up through the repository's eng/ scripts as the execution integration tests and
/// eng/run-sample.sh do: Docker engine, toolchain image (actions run in it), target image, then
/// eng/samples/start-targets.sh with the copy's path, which generates the copy's own SSH key
/// (artifacts/secrets/id_ed25519) and replaces targets made for another key. Fails, never skips, when any of them
/// cannot be had. The ports are fixed, so tests using this run in a collection that never runs in parallel; disposing
/// removes the targets (eng/samples/stop-targets.sh), so the next test project starts clean.
/// </summary>
internal sealed class SampleTargets : IAsyncDisposable
{
    private readonly string _sample;

    private SampleTargets(string sample)
    {
        _sample = sample;
    }

    public static async Task<SampleTargets> StartAsync(string sample, TestWorkspace workspace)
    {
        string[][] scripts =
        [
            ["eng/start-docker.sh"],
            ["eng/build-toolchain-image.sh"],
            ["eng/build-target-image.sh"],
            ["eng/samples/start-targets.sh", sample, workspace.Root],
        ];
        foreach (var script in scripts)
        {
            var result = await DotnetCommand.RunScriptAsync(script[0], script[1..]);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', script)}: {result}");
        }

        return new SampleTargets(sample);
    }

    public async ValueTask DisposeAsync()
    {
        var result = await DotnetCommand.RunScriptAsync("eng/samples/stop-targets.sh", _sample);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/samples/stop-targets.sh {_sample}: {result}");
        }
    }
}
