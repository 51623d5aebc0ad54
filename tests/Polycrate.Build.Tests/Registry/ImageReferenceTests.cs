using Polycrate.Build.Registry;

namespace Polycrate.Build.Tests.Registry;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("localhost:5000/x", "localhost:5000", "x", null, null)]
    [InlineData("localhost/x:1", "localhost", "x", "1", null)]
    [InlineData("127.0.0.1:5000/a/b:1.0", "127.0.0.1:5000", "a/b", "1.0", null)]
    [InlineData("registry.acme-corp.com/acme/iot/edge-ota:1.2.0", "registry.acme-corp.com", "acme/iot/edge-ota", "1.2.0", null)]
    [InlineData("cargo.ayedo.cloud/library/scratch:latest", "cargo.ayedo.cloud", "library/scratch", "latest", null)]
    [InlineData("[::1]:5000/x:2", "[::1]:5000", "x", "2", null)]
    public void Parses_host_path_and_tag(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(text, reference.ToString());
    }

    [Fact]
    public void Parses_digest_references_with_and_without_tag()
    {
        var digest = "sha256:" + new string('a', 64);

        var byDigest = ImageReference.Parse($"localhost:5000/a/b@{digest}");
        var both = ImageReference.Parse($"localhost:5000/a/b:1.0@{digest}");

        Assert.Equal(("a/b", null, digest), (byDigest.Repository, byDigest.Tag, byDigest.Digest));
        Assert.Equal(("1.0", digest), (both.Tag, both.Digest));
        Assert.Equal(digest, both.TagOrDigest);
    }

    [Theory]
    [InlineData("acme/edge-ota:1.0", "registry.example.com", "registry.example.com", "acme/edge-ota")]
    [InlineData("edge-ota", "https://registry.example.com/", "registry.example.com", "edge-ota")]
    [InlineData("alpine:3", "docker.io", "docker.io", "library/alpine")]
    public void Uses_the_default_registry_when_the_first_component_is_not_a_host(string text, string defaultRegistry, string registry, string repository)
    {
        var reference = ImageReference.Parse(text, defaultRegistry);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5000/Upper/case")]
    [InlineData("localhost:5000/x:bad tag")]
    [InlineData("localhost:5000/x@sha256:short")]
    [InlineData("localhost:5000/a//b")]
    [InlineData("acme/edge-ota")]
    public void Rejects_invalid_references_with_a_typed_error(string text)
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(text));

        Assert.Equal("PCB4001", error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("host[:port]/path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTag_keeps_registries_without_dots()
    {
        var reference = ImageReference.Parse("edge-ota", "myregistry").WithTag("2.0");

        Assert.Equal("myregistry/edge-ota:2.0", reference.ToString());
    }
}
