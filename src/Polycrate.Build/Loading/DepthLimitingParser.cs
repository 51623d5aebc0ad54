using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Polycrate.Build.Loading;

/// <summary>
/// Passes YAML parser events through and stops at the first mapping or list nested deeper than the limit, before
/// the (recursive) representation model is built: 30,000 '[' would otherwise overflow the stack, which no handler
/// can catch.
/// </summary>
internal sealed class DepthLimitingParser : IParser
{
    private readonly IParser _inner;
    private readonly int _maxDepth;
    private int _depth;

    public DepthLimitingParser(IParser inner, int maxDepth)
    {
        _inner = inner;
        _maxDepth = maxDepth;
    }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > _maxDepth)
                {
                    throw new YamlLimitException(_inner.Current.Start, _inner.Current.End, Diagnostics.DiagnosticCodes.YamlTooDeep,
                        $"mappings and lists are nested more than {_maxDepth} levels deep here",
                        $"flatten the structure, or raise the limit with {InputLimits.YamlDepthVariable} (docs/limits.md)");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

/// <summary>A YAML file exceeds one of the <see cref="InputLimits"/>; reported with its own code at the position.</summary>
internal sealed class YamlLimitException : YamlException
{
    public YamlLimitException(Mark start, Mark end, string code, string message, string hint)
        : base(start, end, message)
    {
        Code = code;
        Hint = hint;
    }

    public string Code { get; }

    public string Hint { get; }
}
