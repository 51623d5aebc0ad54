using Polycrate.Build.Execution;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Execution;

/// <summary>Issue 9.9: -e, -m and --loglevel for one run, applied after the workspace's own entries.</summary>
public sealed class RunOverridesTests
{
    [Theory]
    [InlineData("KEY=value", "KEY", "value")]
    [InlineData("URL=https://x/?a=b", "URL", "https://x/?a=b")]
    [InlineData("EMPTY=", "EMPTY", "")]
    public void Env_splits_at_the_first_equals_sign(string text, string name, string value) =>
        Assert.Equal(new EnvironmentEntry(name, value), RunOverrides.ParseEnv(text));

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    public void Env_without_a_key_is_refused(string text) => Assert.Null(RunOverrides.ParseEnv(text));

    [Fact]
    public void Mounts_take_ro_and_make_the_source_absolute()
    {
        Assert.Equal(new MountEntry("/srv/data", "/data", true), RunOverrides.ParseMount("/srv/data:/data:ro", "/tmp"));
        Assert.Equal(new MountEntry("/tmp/rel", "/x", false), RunOverrides.ParseMount("rel:/x", "/tmp"));
        Assert.Null(RunOverrides.ParseMount("/srv:relative", "/tmp"));
        Assert.Null(RunOverrides.ParseMount("/srv:/x:bogus", "/tmp"));
    }

    [Fact]
    public async Task The_run_entries_come_after_the_workspace_entries_so_they_win()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", "name: ws\nextraenv: [STAGE=dev]\nconfig:\n  container:\n    env: {STAGE: test}\nextramounts: ['/srv:/srv']\n");
        var workspace = (await temp.LoadAsync()).Workspace;

        var applied = RunOverrides.Apply(workspace, new RunOptions
        {
            WorkspaceDirectory = temp.Root,
            ExtraEnv = [new EnvironmentEntry("STAGE", "prod")],
            ExtraMounts = [new MountEntry("/data", "/data", true)],
            LogLevel = 3,
        });

        var env = applied.ExtraEnv.Concat(applied.Settings.ContainerEnv).ToList();
        Assert.Equal("prod", env.Last(e => e.Name == "STAGE").Value);
        Assert.Equal("3", env.Single(e => e.Name == "ANSIBLE_VERBOSITY").Value);
        Assert.Equal("True", env.Single(e => e.Name == "ANSIBLE_DEBUG").Value);
        Assert.Equal(["/srv", "/data"], applied.ExtraMounts.Select(m => m.HostPath));
        Assert.Same(workspace, RunOverrides.Apply(workspace, new RunOptions { WorkspaceDirectory = temp.Root }));
    }
}
