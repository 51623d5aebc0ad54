using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>A named entry point of a block: a playbook or a script (lines run in order in one shell).</summary>
public sealed record BlockAction
{
    /// <summary><c>name:</c>, unique in the block (Polycrate reference §4).</summary>
    public required string Name { get; init; }

    /// <summary><c>description:</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Newer documents write <c>type: ansible</c>; informational, the playbook/script decides.</summary>
    public string? Type { get; init; }

    /// <summary><c>playbook:</c>, a path relative to the block's directory; exclusive with <see cref="Script"/>.</summary>
    public string? Playbook { get; init; }

    /// <summary>Where the <c>playbook:</c> value is written (the parent's block.poly for an inherited action).</summary>
    public SourceLocation? PlaybookLocation { get; init; }

    /// <summary><c>script:</c>, shell lines run in order in one shell (templated, §7.4); exclusive with <see cref="Playbook"/>.</summary>
    public IReadOnlyList<string>? Script { get; init; }

    /// <summary>Where each <see cref="Script"/> line starts in its file (same length as Script when known), for template errors.</summary>
    public IReadOnlyList<SourceLocation>? ScriptLocations { get; init; }

    /// <summary><c>interactive:</c> as written (null = not set here); shown in the snapshot. Actions never get a terminal: their output is streamed line by line.</summary>
    public bool? Interactive { get; init; }

    /// <summary><c>prompt.message</c>: a yes/no question asked before the action runs (default no); <c>--force</c> answers yes.</summary>
    public string? Prompt { get; init; }

    /// <summary><c>labels:</c> (key → value), shown in the snapshot.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>config:</c>, any YAML mapping, shown in the snapshot as <c>action.config</c>.</summary>
    public ConfigMap Config { get; init; } = ConfigMap.Empty;

    /// <summary>Where the action is defined (its <c>name:</c> in block.poly or workspace.poly).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Playbook when <see cref="Playbook"/> is set, else script.</summary>
    public ActionKind Kind => Playbook is not null ? ActionKind.Playbook : ActionKind.Script;
}

/// <summary>How an action runs.</summary>
public enum ActionKind
{
    /// <summary><c>ansible-playbook</c> with the block's playbook.</summary>
    Playbook,

    /// <summary>The <c>script:</c> lines in one shell.</summary>
    Script,
}
