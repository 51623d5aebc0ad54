using Polycrate.Build.Registry;

namespace Polycrate.Build.Tests.WorkspaceBlocks;

public class DefaultRegistryTests
{
    [Theory]
    [InlineData("registry.example.com", null, "registry.example.com")]
    [InlineData(null, "https://registry.example.com/acme/", "registry.example.com/acme")]
    [InlineData("127.0.0.1:5101", "https://other.example.com", "127.0.0.1:5101")]
    [InlineData(null, null, null)]
    [InlineData("  ", "", null)]
    public void The_option_wins_over_the_variable_and_schemes_are_dropped(string? option, string? variable, string? expected) =>
        Assert.Equal(expected, DefaultRegistry.Resolve(option, name => name == DefaultRegistry.Variable ? variable : null));

    [Theory]
    [InlineData("edge-ota", "registry.example.com", "registry.example.com/edge-ota")]
    [InlineData("linux-maintenance:0.1.0", "registry.acme-corp.com/acme/infra", "registry.acme-corp.com/acme/infra/linux-maintenance:0.1.0")]
    [InlineData("127.0.0.1:5101/acme/x:1.0", "registry.example.com/ignored", "127.0.0.1:5101/acme/x:1.0")]
    [InlineData("localhost:5000/x", null, "localhost:5000/x")]
    public void Qualify_puts_host_less_names_below_the_registry_and_its_prefix(string name, string? registry, string expected) =>
        Assert.Equal(expected, DefaultRegistry.Qualify(name, registry).ToString());

    [Fact]
    public void A_host_less_name_without_registry_is_refused() =>
        Assert.Throws<Polycrate.Build.Registry.ImageReferenceException>(() => DefaultRegistry.Qualify("edge-ota", null));
}
