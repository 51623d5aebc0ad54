using System.CommandLine;
using System.CommandLine.Parsing;
using Polycrate.Build.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// For a missing argument, the names that would fit, read from the workspace of <c>-w</c> (the actions of the block
/// given, the blocks, the workflows). Best effort: a workspace that does not load adds nothing to the usage error.
/// </summary>
internal static class UsageHints
{
    public static string Candidates(ParseResult parse, CommandResult result, Argument missing)
    {
        var parent = result.Parent is CommandResult p ? p.Command.Name : string.Empty;
        var wanted = missing.Name switch
        {
            "ACTION" => Wanted.Actions,
            "BLOCK" => Wanted.Blocks,
            "BLOCK|WORKFLOW" => Wanted.Blocks | Wanted.Workflows,
            "NAME" when parent == "workflows" => Wanted.Workflows,
            "NAME" when parent is "blocks" or "block" && result.Command.Name is "inspect" or "readme" or "push" => Wanted.Blocks,
            _ => Wanted.None,
        };
        if (wanted == Wanted.None || Load(parse) is not { } workspace)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (wanted.HasFlag(Wanted.Actions))
        {
            var blockName = result.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).FirstOrDefault();
            if (blockName is not null && workspace.FindBlock(blockName) is { } block)
            {
                parts.Add($"actions of block '{block.Name}': {MessageText.List(block.Actions.Select(a => a.Name))}");
            }
        }

        if (wanted.HasFlag(Wanted.Blocks))
        {
            parts.Add($"blocks: {MessageText.List(workspace.Blocks.Where(b => !b.IsTemplate).Select(b => b.Name))}");
        }

        if (wanted.HasFlag(Wanted.Workflows))
        {
            parts.Add($"workflows: {MessageText.List(workspace.Workflows.Select(w => w.Name))}");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts);
    }

    private static Workspace? Load(ParseResult parse)
    {
        try
        {
            var directory = parse.GetValue<string>("--workspace") ?? ".";
            return new PolycrateEngine(NullLoggerFactory.Instance).LoadAsync(new WorkspaceRequest(System.IO.Path.GetFullPath(directory)), CancellationToken.None)
                .GetAwaiter().GetResult().Workspace;
        }
        catch (Exception ex) when (ex is PolycrateException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    [Flags]
    private enum Wanted
    {
        None = 0,
        Actions = 1,
        Blocks = 2,
        Workflows = 4,
    }
}
