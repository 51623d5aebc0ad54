using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>A push would move a tag that already holds different content.</summary>
internal sealed class TagExistsException : PolycrateException
{
    public TagExistsException(ImageReference reference, string existingDigest, string newDigest)
        : base($"Tag {reference} already exists with different content ({existingDigest}; this block is {newDigest}). "
            + $"Versions are immutable: bump the block version, or {DiagnosticCatalog.PushForceHint.Cli}.")
    {
        Reference = reference;
        ExistingDigest = existingDigest;
    }

    public ImageReference Reference { get; }

    public string ExistingDigest { get; }

    public override string Code => DiagnosticCodes.TagExists;
}
