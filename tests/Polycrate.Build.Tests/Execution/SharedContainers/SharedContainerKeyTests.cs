using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Execution.SharedContainers;
using Polycrate.Build.Model;

namespace Polycrate.Build.Tests.Execution.SharedContainers;

/// <summary>Which launches share a container (issue 11 item 2): same settings and mounts, the step's own files aside.</summary>
public sealed class SharedContainerKeyTests
{
    private static ActionLaunch Launch(string privateDirectory, string image = "polycrate-toolchain:bookworm-2", ContainerSettings? settings = null,
        params MountEntry[] extra) => new()
    {
        Command = ["bash", "-c", "true"],
        WorkingDirectory = "/workspace",
        Environment = [new EnvironmentEntry("POLYCRATE_STEP", privateDirectory)],
        Image = image,
        PrivateDirectory = privateDirectory,
        Container = settings ?? new ContainerSettings(),
        Mounts =
        [
            new MountEntry("/srv/ws", "/workspace", ReadOnly: false),
            new MountEntry(privateDirectory + "/snapshot.yml", "/run/polycrate/snapshot.yml", ReadOnly: true),
            new MountEntry(privateDirectory + "/vars_plugins", "/run/polycrate/vars_plugins", ReadOnly: true),
            new MountEntry(privateDirectory + "/ssh/id_ed25519", "/root/.ssh/id_rsa", ReadOnly: true),
            .. extra,
        ],
    };

    [Fact]
    public void Two_steps_with_their_own_private_directories_and_environments_share()
    {
        Assert.Equal(SharedContainerKey.For(Launch("/run/r/wf_a")), SharedContainerKey.For(Launch("/run/r/wf_b")));
    }

    [Theory]
    [InlineData("image")]
    [InlineData("network")]
    [InlineData("user")]
    [InlineData("privileged")]
    [InlineData("cap-add")]
    [InlineData("add-host")]
    [InlineData("mount")]
    public void A_different_container_setting_gets_its_own_container(string what)
    {
        var other = what switch
        {
            "image" => Launch("/run/r/b", image: "other:1"),
            "network" => Launch("/run/r/b", settings: new ContainerSettings { NetworkMode = "bridge" }),
            "user" => Launch("/run/r/b", settings: new ContainerSettings { User = "1000" }),
            "privileged" => Launch("/run/r/b", settings: new ContainerSettings { Privileged = true }),
            "cap-add" => Launch("/run/r/b", settings: new ContainerSettings { CapAdd = ["NET_ADMIN"] }),
            "add-host" => Launch("/run/r/b", settings: new ContainerSettings { ExtraHosts = ["db:10.0.0.1"] }),
            _ => Launch("/run/r/b", extra: new MountEntry("/srv/data", "/data", ReadOnly: true)),
        };

        Assert.NotEqual(SharedContainerKey.For(Launch("/run/r/a")), SharedContainerKey.For(other));
    }

    [Fact]
    public void A_decrypted_secret_mounted_into_the_workspace_gets_a_container_of_its_own()
    {
        var launch = Launch("/run/r/a", extra: new MountEntry("/run/r/a/secrets/token", "/workspace/artifacts/secrets/token", ReadOnly: true));

        Assert.Null(SharedContainerKey.For(launch));
    }

    [Fact]
    public void A_host_launch_without_an_image_does_not_share()
    {
        Assert.Null(SharedContainerKey.For(Launch("/run/r/a") with { Image = null }));
    }
}
