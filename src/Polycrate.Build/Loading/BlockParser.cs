using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using YamlDotNet.RepresentationModel;

namespace Polycrate.Build.Loading;

/// <summary>Parses one block: a whole <c>block.poly</c> or one entry of workspace.poly <c>blocks:</c> (same schema).</summary>
internal static class BlockParser
{
    public static Block? Parse(YamlNode node, YamlFile file, DiagnosticBag diagnostics, string context, string? workdir)
    {
        var reader = MappingReader.From(node, file, diagnostics, context);
        if (reader is null)
        {
            return null;
        }

        var name = reader.String("name", required: true);
        if (name is not null && !Names.IsValidBlockName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, $"{context}.name: '{MessageText.Cut(name)}' is not a valid block name", reader.LocationOf("name"),
                $"use {Names.BlockNameRule}");
        }

        var actions = new List<BlockAction>();
        var actionNames = new DuplicateNames("action", "give each action a unique name");
        var actionNodes = ActionList(reader, context);
        for (var i = 0; i < actionNodes.Count; i++)
        {
            var action = ActionParser.Parse(actionNodes[i], file, diagnostics, $"{context}.actions[{i}]");
            if (action is null)
            {
                continue;
            }

            if (!actionNames.Add(action.Name, action.Location, context, diagnostics))
            {
                continue;
            }

            actions.Add(action);
        }

        var block = new Block
        {
            Name = name ?? string.Empty,
            Version = reader.String("version"),
            Kind = reader.String("kind"),
            Type = reader.String("type"),
            Flavor = reader.String("flavor"),
            Description = reader.String("description"),
            Labels = reader.StringMap("labels") ?? new Dictionary<string, string>(),
            Config = reader.ConfigMap("config") ?? ConfigMap.Empty,
            Actions = actions,
            From = reader.String("from"),
            FromLocation = reader.Node("from") is { } fromNode ? file.LocationOf(fromNode) : null,
            Template = reader.Bool("template"),
            Inventory = ReadLink(reader, "inventory"),
            Kubeconfig = ReadLink(reader, "kubeconfig"),
            Workdir = workdir,
            Location = reader.Location,
            Changelog = ChangelogReader.Read(reader.Node("changelog"), file, diagnostics, $"{context}.changelog"),
        };

        // Informational in Polycrate and kept for compatibility: accepted without effect.
        reader.StringList("alias");
        reader.Ignore(PolycrateMetadataKeys.Block);
        foreach (var computed in new[] { "workdir", "artifacts", "checksum" })
        {
            if (reader.Node(computed) is { } computedNode)
            {
                diagnostics.Warning(DiagnosticCodes.UnknownKey, $"{context}.{computed} is computed by polycrate-build and is ignored here",
                    file.LocationOf(computedNode), $"remove '{computed}'");
            }
        }

        reader.ReportUnknownKeys();
        return name is null ? null : block;
    }

    /// <summary>
    /// <c>actions:</c> is a list. Polycrate's own reference once showed actions keyed by name (<c>install: {script: …}</c>);
    /// Polycrate rejects that too, so it is an error — with the list form spelled out.
    /// </summary>
    private static IReadOnlyList<YamlNode> ActionList(MappingReader reader, string context)
    {
        if (reader.Node("actions") is YamlMappingNode keyed)
        {
            var first = keyed.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault()?.Value ?? "install";
            reader.Diagnostics.Error(DiagnosticCodes.UnexpectedType, $"{context}.actions: found actions keyed by name, expected a list of actions",
                reader.File.LocationOf(keyed), $"write each action as a list item with its name: '- name: {MessageText.Cut(first)}' followed by its keys (script:, playbook:, …)");
            return [];
        }

        return reader.Sequence("actions") ?? [];
    }

    private static ArtifactLink? ReadLink(MappingReader parent, string key)
    {
        var reader = parent.Mapping(key);
        if (reader is null)
        {
            return null;
        }

        // path: names the file itself (honoured when the action starts); localpath/containerpath are Polycrate's derived values.
        var link = new ArtifactLink(reader.String("from"), reader.String("filename"), reader.Location) { Path = reader.String("path") };
        reader.Ignore(PolycrateMetadataKeys.ArtifactPaths);
        WorkspacePathCheck.CheckRelative(reader, "filename", $"{reader.Context}.filename", parent.Diagnostics);
        reader.ReportUnknownKeys();
        return link;
    }
}
