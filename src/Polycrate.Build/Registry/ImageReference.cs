using System.Text.RegularExpressions;

namespace Polycrate.Build.Registry;

/// <summary>
/// A parsed image reference <c>host[:port]/path[:tag][@digest]</c>. The first path component is the registry
/// host when it contains a dot or a colon or is <c>localhost</c> (so <c>localhost:5000/x</c> and
/// <c>127.0.0.1:5000/a/b:1.0</c> parse correctly); otherwise the caller's default registry applies.
/// </summary>
public sealed partial record ImageReference
{
    /// <summary>Docker Hub's canonical host; <c>index.docker.io</c> and <c>registry-1.docker.io</c> are normalized to it.</summary>
    public const string DockerHub = "docker.io";

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>Registry host with optional port, e.g. <c>registry.example.com</c> or <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>Repository path inside the registry, e.g. <c>acme/blocks/edge-ota</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag (letters, digits, <c>_ . -</c>, at most 128 characters; OCI distribution spec, "Pulling manifests"); null when none was given.</summary>
    public string? Tag { get; }

    /// <summary>Content digest such as <c>sha256:…</c>; when set it wins over <see cref="Tag"/> for pulls.</summary>
    public string? Digest { get; }

    /// <summary>What to ask the registry for: the digest, else the tag, else <c>latest</c>.</summary>
    public string TagOrDigest => Digest ?? Tag ?? "latest";

    /// <summary>Parses <paramref name="reference"/>; <paramref name="defaultRegistry"/> applies when it names no host.</summary>
    public static ImageReference Parse(string reference, string? defaultRegistry = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.Trim();
        if (text.Length == 0)
        {
            throw new ImageReferenceException(reference, "it is empty");
        }

        RefuseCredentials(text);
        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
            if (!ContentDigest.IsValid(digest))
            {
                throw new ImageReferenceException(reference, $"'{digest}' is not a digest like sha256:<64 hex digits>");
            }
        }

        string registry;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : text[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            registry = first;
            text = text[(slash + 1)..];
        }
        else
        {
            registry = defaultRegistry?.Trim().TrimEnd('/')
                ?? throw new ImageReferenceException(reference, "it names no registry host and no default registry is configured");
            var scheme = registry.IndexOf("://", StringComparison.Ordinal);
            registry = scheme >= 0 ? registry[(scheme + 3)..] : registry;
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw new ImageReferenceException(reference, $"tag '{tag}' is invalid (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')");
            }
        }

        if (!RegistryPattern().IsMatch(registry))
        {
            throw new ImageReferenceException(reference, $"registry host '{registry}' is invalid");
        }

        if (!RepositoryPattern().IsMatch(text))
        {
            throw new ImageReferenceException(reference, $"repository path '{text}' is invalid (lower-case letters, digits and separators '.', '_', '-', '/')");
        }

        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (registry == DockerHub && !text.Contains('/', StringComparison.Ordinal))
        {
            text = "library/" + text;
        }

        return new ImageReference(registry, text, tag, digest);
    }

    internal ImageReference WithTag(string tag) =>
        TagPattern().IsMatch(tag) ? new(Registry, Repository, tag, null) : throw new ImageReferenceException($"{this}:{tag}", $"tag '{tag}' is invalid");

    /// <summary>The same reference pinned to <paramref name="digest"/> (<c>sha256:…</c>, as the registry reported it); the tag is kept for display.</summary>
    public ImageReference WithDigest(string digest) => new(Registry, Repository, Tag, digest);

    /// <summary>The same repository on the same registry, without tag or digest.</summary>
    public string RepositoryReference => $"{Registry}/{Repository}";

    /// <summary><c>registry/repository[:tag][@digest]</c>, normalized (e.g. <c>docker.io/library/alpine:3</c>).</summary>
    public override string ToString() =>
        RepositoryReference + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    /// <summary>
    /// 'user:pass@host/…' never reaches a message: only a digest may follow an '@', so an '@' followed by a path, or one
    /// with nothing but a host before it, is taken for credentials (also when the password contains '/' or '@').
    /// </summary>
    private static void RefuseCredentials(string text)
    {
        var last = text.LastIndexOf('@');
        if (last < 0)
        {
            return;
        }

        var before = text[..last];
        var after = text[(last + 1)..];
        if (after.Contains('/', StringComparison.Ordinal) || (!before.Contains('/', StringComparison.Ordinal) && !after.StartsWith("sha", StringComparison.Ordinal)))
        {
            throw ImageReferenceException.CredentialsInReference(after);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();
}
