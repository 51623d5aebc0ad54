using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Model;

/// <summary>A named entry point of a block: a playbook or a script (lines run in order in one shell).</summary>
public sealed record BlockAction
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Newer documents write <c>type: ansible</c>; informational, the playbook/script decides.</summary>
    public string? Type { get; init; }

    public string? Playbook { get; init; }

    /// <summary>Where the <c>playbook:</c> value is written (the parent's block.poly for an inherited action).</summary>
    public SourceLocation? PlaybookLocation { get; init; }

    public IReadOnlyList<string>? Script { get; init; }

    /// <summary>Where each <see cref="Script"/> line starts in its file (same length as Script when known), for template errors.</summary>
    public IReadOnlyList<SourceLocation>? ScriptLocations { get; init; }

    public bool? Interactive { get; init; }

    public string? Prompt { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public ConfigMap Config { get; init; } = ConfigMap.Empty;

    public required SourceLocation Location { get; init; }

    public ActionKind Kind => Playbook is not null ? ActionKind.Playbook : ActionKind.Script;
}

public enum ActionKind
{
    Playbook,
    Script,
}
