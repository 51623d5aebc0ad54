using Polycrate.Build.Execution;
using Polycrate.Build.Model;

namespace Polycrate.Build.Tests.Execution;

/// <summary>config.container.docker_flags → engine settings, parsed without an engine.</summary>
public sealed class DockerFlagsTests
{
    [Fact]
    public void No_flags_keep_the_defaults_host_network_and_init()
    {
        var settings = DockerFlags.Parse([]);

        Assert.Equal("host", settings.Container.NetworkMode);
        Assert.True(settings.Container.Init);
        Assert.False(settings.Container.Privileged);
        Assert.Null(settings.Container.User);
        Assert.Empty(settings.Mounts);
        Assert.Empty(settings.Environment);
    }

    [Fact]
    public void Every_supported_flag_in_both_spellings_and_with_quotes()
    {
        var settings = DockerFlags.Parse(
            ["--privileged --network=bridge", "-v /srv/data:/data:ro", "--volume=/tmp:/host-tmp", "-e A=1 --env 'B=two words'", "-e FROM_HOST",
             "-u 1000:1000", "--cap-add NET_ADMIN", "--add-host db:10.0.0.5", "--init"],
            name => name == "FROM_HOST" ? "host-value" : null);

        Assert.True(settings.Container.Privileged);
        Assert.Equal("bridge", settings.Container.NetworkMode);
        Assert.Equal("1000:1000", settings.Container.User);
        Assert.Equal(["NET_ADMIN"], settings.Container.CapAdd);
        Assert.Equal(["db:10.0.0.5"], settings.Container.ExtraHosts);
        Assert.Equal([new MountEntry("/srv/data", "/data", true), new MountEntry("/tmp", "/host-tmp", false)], settings.Mounts);
        Assert.Equal([new EnvironmentEntry("A", "1"), new EnvironmentEntry("B", "two words"), new EnvironmentEntry("FROM_HOST", "host-value")], settings.Environment);
    }

    [Fact]
    public void Id_substitutions_expand_to_this_process()
    {
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];

        Assert.StartsWith(uid + ":", DockerFlags.Parse(["--user $(id -u):$(id -g)"]).Container.User, StringComparison.Ordinal);
    }

    [Fact]
    public void Rm_written_for_docker_run_is_accepted_and_changes_nothing()
    {
        // Polycrate's documents pass docker run flags; every action container is removed after its run anyway.
        Assert.Equal(DockerFlags.Parse(["--network host"]), DockerFlags.Parse(["--rm", "--network host"]), DockerFlagSettingsComparer);
    }

    private static readonly IEqualityComparer<Polycrate.Build.Execution.Preparation.DockerFlagSettings> DockerFlagSettingsComparer =
        EqualityComparer<Polycrate.Build.Execution.Preparation.DockerFlagSettings>.Create((a, b) =>
            a!.Container.NetworkMode == b!.Container.NetworkMode && a.Container.Privileged == b.Container.Privileged && a.Container.User == b.Container.User
            && a.Mounts.Count == b.Mounts.Count && a.Environment.Count == b.Environment.Count);

    [Fact]
    public void A_flag_without_an_engine_API_meaning_is_left_out_as_the_loader_warned()
    {
        Assert.Equal(DockerFlags.Parse(["--network host"]), DockerFlags.Parse(["--memory=512m --network host", "--shm-size", "1g"]), DockerFlagSettingsComparer);
    }

    [Theory]
    [InlineData("--network", "'--network' needs a value")]
    [InlineData("-v /only-one-part", "is not HOST:CONTAINER[:ro]")]
    [InlineData("-v /a:relative", "is not HOST:CONTAINER[:ro]")]
    [InlineData("-v /a:/b:rx", "is not HOST:CONTAINER[:ro]")]
    public void A_malformed_value_is_an_error_listing_the_supported_flags(string flag, string expected)
    {
        var error = Assert.Throws<ActionException>(() => DockerFlags.Parse([flag]));

        Assert.Equal(ActionException.DockerFlagCode, error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(DockerFlags.Supported, error.Message, StringComparison.Ordinal);
    }
}
