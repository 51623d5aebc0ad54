using Polycrate.Build.Testing;

namespace Polycrate.Build.Tests.Support;

/// <summary>The one sample copy the MSBuild, Cake and integration tests share: a fresh checkout, the SSH key only on request.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SampleCopyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-samplecopy-").FullName;

    [Fact]
    public void A_copy_is_a_fresh_checkout_and_keeps_the_ssh_key_only_when_asked()
    {
        var sample = Path.Combine(_root, "sample");
        string[] checkout = ["workspace.poly", "blocks/app/block.poly", "objects.yml", "binaries/tool.sh", "blocks/app/artifacts/keep.txt"];
        string[] notInCheckout = ["obj/polycrate/acme.targets.g.targets", "bin/blocks/x", "tools/cake", ".logs/2026/run.yml", "artifacts/blocks/app/out.txt"];
        foreach (var file in checkout.Concat(notInCheckout).Append("artifacts/secrets/id_ed25519"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(sample, file))!);
            File.WriteAllText(Path.Combine(sample, file), file);
        }

        File.SetUnixFileMode(Path.Combine(sample, "artifacts/secrets/id_ed25519"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        SampleCopy.Copy(sample, Path.Combine(_root, "plain"));
        SampleCopy.Copy(sample, Path.Combine(_root, "keyed"), withSshKey: true);

        Assert.Equal(checkout.Order(), Files("plain"));
        Assert.Equal(checkout.Append("artifacts/secrets/id_ed25519").Order(), Files("keyed"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "keyed/artifacts/secrets/id_ed25519")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IEnumerable<string> Files(string copy) =>
        Directory.EnumerateFiles(Path.Combine(_root, copy), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(_root, copy), f)).Order();
}
