namespace Polycrate.Build.Diagnostics;

/// <summary>
/// How to fix a problem, spelled for each front end ("pass --force" / "set PolycrateForce=true" / "set Force = true
/// in the settings"). The engine writes the <see cref="Cli"/> spelling into messages; a front end rewrites it to its
/// own with <see cref="DiagnosticCatalog.ForFrontEnd"/>.
/// </summary>
internal sealed record FrontEndHint(string Cli, string MSBuild, string Cake)
{
    /// <summary>The spelling for <paramref name="frontEnd"/>.</summary>
    public string For(FrontEnd frontEnd) => frontEnd switch
    {
        FrontEnd.MSBuild => MSBuild,
        FrontEnd.Cake => Cake,
        _ => Cli,
    };
}
