using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>Parses one action of a block.</summary>
internal static class ActionParser
{
    private static readonly string[] KnownTypes = ["ansible", "script", "playbook", "shell"];

    public static BlockAction? Parse(YamlNode node, YamlFile file, DiagnosticBag diagnostics, string context)
    {
        var reader = MappingReader.From(node, file, diagnostics, context);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name", required: true);
        if (name is not null && !Names.IsValidName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"{context}.name: '{MessageText.Cut(name)}' is not a valid action name", reader.LocationOf("name"),
                $"use {Names.NameRule}");
        }

        var type = reader.String("type");
        if (type is not null && !KnownTypes.Contains(type, StringComparer.Ordinal))
        {
            diagnostics.Warning(DiagnosticCodes.InvalidValue, $"{context}.type: unknown action type '{MessageText.Cut(type)}'", reader.LocationOf("type"),
                $"known types: {string.Join(", ", KnownTypes)}; the playbook or script key decides how the action runs");
        }

        var playbook = reader.String("playbook");
        var script = ReadScript(reader);
        // "Neither" is checked after inheritance: an instance may override an inherited action's prompt only.
        if (playbook is not null && script is not null)
        {
            diagnostics.Error(DiagnosticCodes.ActionDefinition, $"{context}: action '{name}' has both 'playbook' and 'script'",
                reader.Location, "give the action exactly one of 'playbook: file.yml' or 'script: [command, …]'");
        }

        var interactive = reader.Bool("interactive");
        if (interactive is true)
        {
            diagnostics.Warning(DiagnosticCodes.NotSupported,
                $"{context}.interactive: 'interactive: true' has no effect in polycrate-build: action '{name}' runs without a terminal and without stdin (Polycrate ran it with 'docker run -it')",
                reader.LocationOf("interactive"),
                "remove it, and give the action its input through config, '-e KEY=VALUE' or a file; for a shell on a host use 'polycrate-build ssh HOST'");
        }

        var action = new BlockAction
        {
            Name = name ?? string.Empty,
            Description = reader.String("description"),
            Type = type,
            Playbook = playbook,
            PlaybookLocation = playbook is null ? null : reader.LocationOf("playbook"),
            Script = script,
            ScriptLocations = ScriptLocations(reader),
            Interactive = interactive,
            Prompt = PromptReader.Read(reader),
            Labels = reader.StringMap("labels") ?? new Dictionary<string, string>(),
            Config = reader.ConfigMap("config") ?? ConfigMap.Empty,
            Location = reader.Location,
        };
        reader.StringList("alias");
        reader.Ignore("block");
        reader.ReportUnknownKeys();
        return name is null ? null : action;
    }

    /// <summary>Where each script line's text starts (a quoted scalar's text one column after its quote; a block scalar's on the next line).</summary>
    private static List<SourceLocation>? ScriptLocations(MappingReader reader)
    {
        static SourceLocation Of(YamlScalarNode node, YamlFile file)
        {
            var start = file.LocationOf(node);
            return node.Style switch
            {
                YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted => start with { Column = start.Column + 1 },
                // A literal or folded block starts on the line after its indicator.
                YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded => start with { Line = start.Line + 1 },
                _ => start,
            };
        }

        return reader.Node("script") switch
        {
            YamlScalarNode scalar => [Of(scalar, reader.File)],
            YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) =>
                sequence.Children.Select(c => Of((YamlScalarNode)c, reader.File)).ToList(),
            _ => null,
        };
    }

    /// <summary>A script is a list of lines; a single string (possibly a literal block) is accepted as one line.</summary>
    private static List<string>? ReadScript(MappingReader reader)
    {
        var node = reader.Node("script");
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return [text];
        }

        return node is null ? null : reader.StringList("script")?.ToList();
    }
}
