namespace Polycrate.Build.Registry;

/// <summary>A manifest or index as stored in the registry: exact bytes, their digest and media type.</summary>
internal sealed record ManifestContent(string MediaType, string Digest, byte[] Bytes);
