using Polycrate.Build.Execution;

namespace Polycrate.Build.Engine;

/// <summary>
/// One run option as every front end spells it: the CLI option <see cref="Cli"/>, the MSBuild property
/// <see cref="MSBuildProperty"/> (task parameter <see cref="Name"/>), the Cake setting <see cref="Name"/>. Listed in
/// <see cref="RunOptionCatalog"/>, which drives the CLI help, the MSBuild task parameters of the generated targets and
/// docs/run-options.md; tests fail when a front end lacks or does not map one.
/// </summary>
/// <param name="Name">Task parameter and Cake setting, PascalCase (<c>MaxParallel</c>).</param>
/// <param name="Cli">The CLI's long option (<c>--max-parallel</c>).</param>
/// <param name="Description">What it does, in words every front end shares (the CLI's help text).</param>
/// <param name="Example">A value that is not the default, as typed on the CLI and in <c>-p:</c> (null for a switch: true).</param>
/// <param name="Value">The option's value in <see cref="RunOptions"/> (what the engine receives).</param>
public sealed record RunOptionDescriptor(string Name, string Cli, string Description, string? Example, Func<RunOptions, object?> Value)
{
    /// <summary>The MSBuild property a project or <c>-p:</c> sets: <c>Polycrate</c> + <see cref="Name"/>.</summary>
    public string MSBuildProperty => "Polycrate" + Name;

    /// <summary>The Cake settings property (<see cref="Name"/>).</summary>
    public string CakeSetting => Name;

    /// <summary>How the option is called in <paramref name="frontEnd"/>, for messages: <c>--loglevel</c>, <c>PolycrateLogLevel</c>, <c>LogLevel</c>.</summary>
    public string NameIn(Diagnostics.FrontEnd frontEnd) => frontEnd switch
    {
        Diagnostics.FrontEnd.MSBuild => MSBuildProperty,
        Diagnostics.FrontEnd.Cake => CakeSetting,
        _ => Cli,
    };

    /// <summary>True for an on/off option (a CLI switch, an MSBuild <c>true</c>, a Cake <c>bool</c>).</summary>
    public bool IsSwitch => Example is null;
}
