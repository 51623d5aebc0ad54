namespace Polycrate.Build.Registry;

/// <summary>
/// Outcome of a push: the tagged reference (with digest), the manifest digest, the blob bytes actually sent,
/// and whether the tag already held exactly this manifest (then nothing was uploaded).
/// </summary>
public sealed record PushResult(ImageReference Reference, string Digest, long BytesUploaded, bool AlreadyPresent);
