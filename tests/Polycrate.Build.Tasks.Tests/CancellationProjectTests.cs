using System.Diagnostics;

namespace Polycrate.Build.FrontEndTests;

/// <summary>Ctrl-C during a real `dotnet build` of a workflow target: the build stops the running action and says so.</summary>
[Collection(SdkCollection.Name)]
public sealed class CancellationProjectTests(SdkFeedFixture feed)
{
    [Fact]
    public async Task Ctrl_C_during_a_workflow_target_stops_the_action_and_fails_with_PCB6004()
    {
        using var workspace = TestWorkspace.Empty();
        workspace.UseFeed(feed.Feed);
        workspace.Write("ci.polyproj", """<Project Sdk="Polycrate.Build.Sdk/0.1.0" />""");
        workspace.Write("workspace.poly", """
            name: cancel
            blocks:
              - name: tools
                actions:
                  - name: slow
                    script:
                      - sleep 15
                      - touch "$POLYCRATE_WORKSPACE/finished.txt"
            workflows:
              - name: release
                steps:
                  - {name: one, block: tools, action: slow}
            """);
        // Through env --default-signal: a test host may start its children with SIGINT ignored, and .NET keeps a signal
        // that was ignored at start-up ignored (as nohup wants), so Ctrl-C would never reach MSBuild.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", "build", "ci.polyproj", "-nodeReuse:false", "-t:release", "-p:PolycrateRuntime=Host"])
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NUGET_PACKAGES"] = feed.PackagesFolder;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["CI"] = "true";
        using var build = new Process { StartInfo = start };
        var text = new System.Text.StringBuilder();
        var running = new TaskCompletionSource();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (text)
            {
                text.AppendLine(line);
            }

            if (line.Contains("step release/one (tools slow): started", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }

        build.OutputDataReceived += (_, e) => Append(e.Data);
        build.ErrorDataReceived += (_, e) => Append(e.Data);
        build.Start();
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        await Task.WhenAny(running.Task, build.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(5)));
        Assert.True(running.Task.IsCompleted && !build.HasExited, "the action never started:\n" + text);
        var sinceStarted = Stopwatch.StartNew();
        // The script is in its sleep (the engine logs the start before the process runs).
        await Task.Delay(TimeSpan.FromSeconds(2));
        using (var interrupt = Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var stopped = Stopwatch.StartNew();
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        build.WaitForExit();

        Assert.True(build.ExitCode != 0, text.ToString());
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(30), $"the build took {stopped.Elapsed} to stop:\n{text}");
        Assert.Contains("Polycrate error PCB6004:", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("canceled", text.ToString(), StringComparison.Ordinal);
        // The script was killed with the build: it never reaches its last line.
        var rest = TimeSpan.FromSeconds(17) - sinceStarted.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        Assert.False(File.Exists(workspace.PathOf("finished.txt")), "the action went on after the build was canceled");
    }
}
