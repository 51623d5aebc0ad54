using System.Text;
using Polycrate.Build.Model;

namespace Polycrate.Build.Serialization;

/// <summary>
/// Rendered YAML of large shared sub-trees, keyed by the sub-tree's identity and indentation, for
/// <see cref="ConfigYamlWriter"/>. Config trees are immutable, so the same instance always renders the same text.
/// Only sub-trees declared with <see cref="Share"/> are kept (a per-step tree that wraps shared ones is rendered
/// anew, so the cache holds one copy of each shared section, not one per step). One cache per run; thread-safe.
/// </summary>
internal sealed class YamlFragmentCache
{
    /// <summary>Fragments shorter than this (characters) are cheaper to render again than to keep.</summary>
    public const int MinimumLength = 4096;

    private readonly Dictionary<(ConfigValue Value, int Indent), Fragment> _fragments = new(new IdentityComparer());
    private readonly HashSet<ConfigValue> _shared = new(ReferenceEqualityComparer.Instance);

    /// <summary>Declares <paramref name="value"/> as used by many trees, so its rendered text is kept.</summary>
    public void Share(ConfigValue value)
    {
        lock (_fragments)
        {
            _shared.Add(value);
        }
    }

    /// <summary>How many fragments were served from the cache (for tests and diagnostics).</summary>
    public int Hits { get; private set; }

    /// <summary>The kept rendering of <paramref name="value"/> at <paramref name="indent"/>, as text and as UTF-8 (encoded once).</summary>
    public bool TryGet(ConfigValue value, int indent, out Fragment fragment)
    {
        lock (_fragments)
        {
            if (_fragments.TryGetValue((value, indent), out fragment!))
            {
                Hits++;
                return true;
            }

            return false;
        }
    }

    /// <summary>Keeps what was rendered into <paramref name="builder"/> since <paramref name="start"/>, when it is large.</summary>
    public void Offer(ConfigValue value, int indent, StringBuilder builder, int start)
    {
        if (builder.Length - start < MinimumLength)
        {
            return;
        }

        lock (_fragments)
        {
            if (_shared.Contains(value))
            {
                var text = builder.ToString(start, builder.Length - start);
                _fragments[(value, indent)] = new Fragment(text, Encoding.UTF8.GetBytes(text));
            }
        }
    }

    /// <summary>One kept rendering: the text, and the same as UTF-8 for writing it to files without encoding it again.</summary>
    public sealed record Fragment(string Text, ReadOnlyMemory<byte> Utf8);

    private sealed class IdentityComparer : IEqualityComparer<(ConfigValue Value, int Indent)>
    {
        public bool Equals((ConfigValue Value, int Indent) x, (ConfigValue Value, int Indent) y) =>
            ReferenceEquals(x.Value, y.Value) && x.Indent == y.Indent;

        public int GetHashCode((ConfigValue Value, int Indent) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Value), obj.Indent);
    }
}
