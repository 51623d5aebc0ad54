namespace Polycrate.Build.Registry;

/// <summary>Outcome of a pull: the manifest digest (pin it in the lock file) and the image config labels.</summary>
internal sealed record PullResult(ImageReference Reference, string Digest, IReadOnlyDictionary<string, string> Labels, string TargetDirectory);
