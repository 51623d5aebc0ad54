using System.Text;

namespace Polycrate.Build.Serialization;

/// <summary>
/// Rendered YAML as UTF-8 parts, written one after the other: the text rendered for this document, and between it the
/// shared fragments of a <see cref="YamlFragmentCache"/> (the workspace and workflow sections every step's snapshot
/// repeats). Writing a part that is already encoded copies it into the file only — no per-document string of the whole
/// snapshot, no encoding, no large allocation — so a step's cost does not grow with the size of the shared sections
/// beyond the kernel's copy.
/// </summary>
internal sealed class YamlText
{
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _parts;

    public YamlText(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        _parts = parts;
    }

    /// <summary>Total size in bytes.</summary>
    public long Length => _parts.Sum(p => (long)p.Length);

    /// <summary>Writes every part to <paramref name="stream"/>, in order.</summary>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        foreach (var part in _parts)
        {
            await stream.WriteAsync(part, cancellationToken);
        }
    }

    /// <summary>The whole text (for tests and printing; allocates it).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(Encoding.UTF8.GetString(part.Span));
        }

        return text.ToString();
    }
}
