using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>
/// Checks <c>config.container.docker_flags</c> at load against <see cref="DockerFlagRules"/>, so <c>workspace inspect</c>
/// and every run report each entry at its file:line:col, not when a container starts: a flag without an engine API
/// meaning (<c>--shm-size</c>, <c>--device</c>, …) is warning PCB1021 and is left out — a Polycrate workspace that has one
/// still loads and runs, as the product's drop-in rule asks; a malformed value of an accepted flag is error PCB3054;
/// <c>--rm</c>, which changes nothing here, is warning PCB1021.
/// </summary>
internal static class DockerFlagsCheck
{
    public static void Report(YamlNode? flags, YamlFile file, DiagnosticBag diagnostics)
    {
        if (flags is not YamlSequenceNode sequence)
        {
            return;
        }

        var entries = sequence.Children.OfType<YamlScalarNode>().Where(n => n.Value is not null).ToList();
        var reading = DockerFlagRules.Read(entries.Select(n => n.Value!).ToList());
        foreach (var problem in reading.Problems.Where(p => p.Unsupported))
        {
            diagnostics.Warning(DiagnosticCodes.NotSupported,
                $"config.container.docker_flags: {problem.What} and is left out: containers start through the engine API, not 'docker run', and Polycrate passed it to 'docker run'",
                LocationOf(entries[problem.Entry], problem.Word, file), $"remove it, or use one of the {DockerFlagRules.Hint}");
        }

        foreach (var problem in reading.Problems.Where(p => !p.Unsupported))
        {
            diagnostics.Error(DiagnosticCodes.DockerFlag, $"config.container.docker_flags: {problem.What} (containers start through the engine API, not 'docker run')",
                LocationOf(entries[problem.Entry], problem.Word, file), $"remove it or use one of the {DockerFlagRules.Hint}");
        }

        foreach (var rm in reading.Flags.Where(f => f.Name == "--rm"))
        {
            diagnostics.Warning(DiagnosticCodes.NotSupported, "config.container.docker_flags: '--rm' has no effect: every action container is removed after its run",
                LocationOf(entries[rm.Entry], "--rm", file), "remove it");
        }
    }

    /// <summary>The word's own column when the entry is on one line and written without escapes; else the entry's.</summary>
    private static SourceLocation LocationOf(YamlScalarNode entry, string word, YamlFile file)
    {
        var location = file.LocationOf(entry);
        var text = entry.Value ?? string.Empty;
        var offset = text.IndexOf(word, StringComparison.Ordinal);
        var verbatim = entry.Style switch
        {
            ScalarStyle.Plain => 0,
            ScalarStyle.SingleQuoted when !text.Contains('\'', StringComparison.Ordinal) => 1,
            ScalarStyle.DoubleQuoted when !text.Contains('\\', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) => 1,
            _ => -1,
        };
        return offset < 0 || verbatim < 0 || entry.Start.Line != entry.End.Line ? location : location with { Column = location.Column + verbatim + offset };
    }
}
