using Polycrate.Build.Registry;

namespace Polycrate.Build.Tests.Registry;

/// <summary>Credentials typed into a reference are refused without ever being echoed.</summary>
public sealed class ImageReferenceCredentialsTests
{
    [Theory]
    [InlineData("user:Pa55word@registry.example.com/acme/edge-ota:1.0.0")]
    [InlineData("https://user:Pa55word@registry.example.com/acme/edge-ota:1.0.0")]
    [InlineData("user:Pa5/5word@registry.example.com/acme/edge-ota")]
    [InlineData("user:Pa55@word@127.0.0.1:5000/edge-ota:1.0.0")]
    [InlineData("user:Pa55word@registry.example.com")]
    public void Credentials_in_a_reference_are_refused_without_echoing_them(string reference)
    {
        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(reference));

        Assert.Equal("PCB4001", error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.DoesNotContain("Pa5", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Pa5", error.Reference, StringComparison.Ordinal);
        Assert.Contains("carries credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_references_still_parse_and_a_bad_digest_is_not_taken_for_credentials()
    {
        var digest = "sha256:" + new string('a', 64);
        Assert.Equal(digest, ImageReference.Parse($"registry.example.com/acme/edge-ota@{digest}").Digest);
        Assert.Equal(digest, ImageReference.Parse($"edge-ota@{digest}", "registry.example.com").Digest);

        var error = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse("registry.example.com/acme/edge-ota@sha256:nothex"));
        Assert.DoesNotContain("carries credentials", error.Message, StringComparison.Ordinal);
    }
}
