using Polycrate.Build.Registry;

namespace Polycrate.Build.Tests.Registry;

public class RegistryTransportTests
{
    [Theory]
    [InlineData("localhost:5000", "http")]
    [InlineData("127.0.0.1:5101", "http")]
    [InlineData("127.8.9.10", "http")]
    [InlineData("[::1]:5000", "http")]
    [InlineData("registry.example.com", "https")]
    [InlineData("10.0.0.5:5000", "https")]
    [InlineData("insecure.example.com:5000", "http")]
    [InlineData("lab.example.com", "http")]
    public void Uses_plain_http_only_for_loopback_and_listed_hosts(string registry, string scheme)
    {
        var transport = new RegistryTransport(["insecure.example.com:5000", "lab.example.com"]);

        Assert.Equal(scheme, transport.SchemeFor(registry));
    }

    [Fact]
    public void Docker_hub_api_host()
    {
        Assert.Equal("https://registry-1.docker.io/", new RegistryTransport([]).BaseUri("docker.io").ToString());
    }
}
