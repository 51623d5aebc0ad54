namespace Polycrate.Build.Testing;

/// <summary>
/// Copies a sample of the repository as a fresh checkout has it, for tests that edit or run it without touching the
/// original. One source file, linked into the test projects that copy samples (tests/Directory.Build.props), so every
/// copy leaves out the same things.
/// </summary>
internal static class SampleCopy
{
    /// <summary>
    /// Top-level folders a fresh checkout does not have: build output (obj, bin), Cake's tools, a run's logs and
    /// artifacts (block artifacts and the git-ignored SSH key eng/samples/start-targets.sh makes).
    /// </summary>
    public static readonly IReadOnlySet<string> NotInACheckout = new HashSet<string>(StringComparer.Ordinal) { "obj", "bin", "tools", ".logs", "artifacts" };

    /// <summary>The sample's SSH key (the sample targets authorize it), for tests that reach them.</summary>
    public const string SshKeyFolder = "artifacts/secrets";

    /// <summary>
    /// Copies <paramref name="sampleDirectory"/> into <paramref name="target"/> (file modes kept) without
    /// <see cref="NotInACheckout"/>; with <paramref name="withSshKey"/> the sample's <see cref="SshKeyFolder"/> too; with
    /// <paramref name="withArtifacts"/> the whole artifacts folder (a test fixture's artifacts are committed files, and no
    /// run writes into a fixture).
    /// </summary>
    public static void Copy(string sampleDirectory, string target, bool withSshKey = false, bool withArtifacts = false)
    {
        foreach (var file in Directory.EnumerateFiles(sampleDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sampleDirectory, file).Replace('\\', '/');
            var top = relative.Split('/')[0];
            var kept = (withSshKey && relative.StartsWith(SshKeyFolder + "/", StringComparison.Ordinal)) || (withArtifacts && top == "artifacts");
            if (NotInACheckout.Contains(top) && !kept)
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
