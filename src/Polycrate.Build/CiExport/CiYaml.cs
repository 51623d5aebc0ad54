using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Polycrate.Build.CiExport;

/// <summary>
/// A small ordered YAML tree for pipeline files: maps keep insertion order, <c>null</c> entries are left out, so a
/// writer states the keys in the order CI users expect and the output is byte-for-byte the same on every run.
/// Emitted through YamlDotNet's emitter, which quotes scalars only where YAML needs it.
/// </summary>
internal abstract partial record CiYaml
{
    /// <summary>A mapping from (key, value) pairs; pairs with a null value are dropped.</summary>
    public static CiYamlMap Map(params (string Key, CiYaml? Value)[] entries) =>
        new([.. entries.Where(e => e.Value is not null).Select(e => (e.Key, e.Value!))]);

    public static CiYamlSeq Seq(IEnumerable<CiYaml> items) => new([.. items]);

    public static CiYamlSeq Seq(IEnumerable<string> items) => new([.. items.Select(i => (CiYaml)new CiYamlScalar(i))]);

    public static CiYamlScalar Str(string value) => new(value);

    /// <summary>A multi-line string written as a literal block (<c>|</c>).</summary>
    public static CiYamlScalar Block(IEnumerable<string> lines) => new(string.Join('\n', lines) + "\n", Literal: true);

    /// <summary>A YAML boolean (plain <c>true</c>/<c>false</c>).</summary>
    public static CiYamlScalar Bool(bool value) => new(value ? "true" : "false", Plain: true);

    /// <summary>The document, preceded by <paramref name="headerComments"/> as <c># …</c> lines.</summary>
    public static string Write(CiYaml root, IEnumerable<string> headerComments)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        foreach (var line in headerComments)
        {
            writer.WriteLine(line.Length == 0 ? "#" : "# " + line);
        }

        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|)$")]
    private static partial System.Text.RegularExpressions.Regex LooksTyped();

    private static void Emit(IEmitter emitter, CiYaml node)
    {
        switch (node)
        {
            case CiYamlScalar scalar:
                var style = scalar.Literal ? ScalarStyle.Literal : ScalarStyle.Any;
                // A string that would read back as a boolean, null or number must not be written plain.
                var plain = scalar.Plain || !LooksTyped().IsMatch(scalar.Value);
                emitter.Emit(new Scalar(null, null, scalar.Value, style, isPlainImplicit: plain, isQuotedImplicit: !scalar.Plain));
                break;
            case CiYamlSeq seq:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, seq.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in seq.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case CiYamlMap map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, map.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }
}

/// <summary>A string scalar; <paramref name="Plain"/> for YAML booleans/numbers, <paramref name="Literal"/> for <c>|</c> blocks.</summary>
internal sealed record CiYamlScalar(string Value, bool Plain = false, bool Literal = false) : CiYaml;

internal sealed record CiYamlSeq(IReadOnlyList<CiYaml> Items) : CiYaml;

internal sealed record CiYamlMap(IReadOnlyList<(string Key, CiYaml Value)> Entries) : CiYaml;
