namespace Polycrate.Build.Model;

/// <summary>
/// One entry of a block's changelog (<c>CHANGELOG.poly</c> beside block.poly, or block.poly's <c>changelog:</c>; Polycrate
/// reference §4): shown by <c>blocks inspect</c> and in the snapshot's <c>block.changelog</c>, as Polycrate does. Every
/// field as written; null when not given.
/// </summary>
internal sealed record BlockChangelogEntry(string? Version, string? Date, string? Type, string? Description, string? Message, string? Email);
