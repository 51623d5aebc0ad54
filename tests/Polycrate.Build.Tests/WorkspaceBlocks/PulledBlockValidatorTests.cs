using Polycrate.Build.Registry;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Registry;

namespace Polycrate.Build.Tests.WorkspaceBlocks;

public class PulledBlockValidatorTests
{
    private static readonly string Digest = "sha256:" + new string('c', 64);

    private static void Validate(string blockPoly, string reference)
    {
        using var directory = new TempDirectory();
        directory.Write("block.poly", blockPoly);
        PulledBlockValidator.Validate(directory.Path, "block.poly", ImageReference.Parse(reference));
    }

    [Theory]
    [InlineData("name: registry.acme-corp.com/acme/iot/edge-ota\nversion: 0.1.0\n", "registry.acme-corp.com/acme/iot/edge-ota:0.1.0")]
    [InlineData("name: linux-maintenance\nversion: 0.1.0\n", "registry.acme-corp.com/acme/infra/linux-maintenance:0.1.0")]
    [InlineData("name: edge-ota\nversion: 0.2.0\n", "127.0.0.1:5101/acme/edge-ota:latest")]
    public void Accepts_the_full_path_or_the_last_component_and_the_tag_as_version(string blockPoly, string reference) =>
        Validate(blockPoly, reference);

    [Fact]
    public void A_digest_reference_skips_the_version_check()
    {
        Validate("name: edge-ota\nversion: 9.9.9\n", $"127.0.0.1:5101/acme/edge-ota:0.1.0@{Digest}");
        Validate("name: edge-ota\n", $"127.0.0.1:5101/acme/edge-ota@{Digest}");
    }

    [Fact]
    public void Refuses_another_name()
    {
        var error = Assert.Throws<InvalidBlockArtifactException>(() => Validate("name: other\nversion: 0.1.0\n", "127.0.0.1:5101/acme/edge-ota:0.1.0"));

        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5101/acme/edge-ota", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_version_that_is_not_the_tag()
    {
        var error = Assert.Throws<InvalidBlockArtifactException>(() => Validate("name: edge-ota\nversion: 0.2.0\n", "127.0.0.1:5101/acme/edge-ota:0.1.0"));

        Assert.Contains("'0.2.0'", error.Message, StringComparison.Ordinal);
        Assert.Equal("PCB4008", error.Code);
    }

    [Theory]
    [InlineData("name: [unclosed\n", "invalid YAML")]
    [InlineData("version: 0.1.0\n", "'name' is required")]
    [InlineData("name: edge-ota\nversion: 0.1.0\nactions:\n  - name: a\n    playbook: 3\n    script: [x]\n    bogus: {a: 1}\n", "block.poly")]
    public void Refuses_a_block_poly_the_engine_parser_rejects(string blockPoly, string expected)
    {
        var error = Assert.Throws<InvalidBlockArtifactException>(() => Validate(blockPoly, "127.0.0.1:5101/acme/edge-ota:0.1.0"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_artifact_without_block_poly()
    {
        using var directory = new TempDirectory();
        directory.Write("playbook.yml", "- hosts: all\n");

        Assert.Throws<InvalidBlockArtifactException>(() =>
            PulledBlockValidator.Validate(directory.Path, "block.poly", ImageReference.Parse("127.0.0.1:5101/acme/edge-ota:0.1.0")));
    }
}
