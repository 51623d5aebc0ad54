namespace Polycrate.Build.Diagnostics;

/// <summary>
/// One entry of <see cref="DiagnosticCatalog"/>: the code, its default severity, what it means (the message
/// template; call sites add the specifics: file, name, value) and, where the fix is an option, its hint per front end.
/// </summary>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, FrontEndHint? Hint = null);
