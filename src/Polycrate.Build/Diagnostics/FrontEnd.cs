namespace Polycrate.Build.Diagnostics;

/// <summary>The program a user drives the engine from; hints name the option spelling of that front end.</summary>
public enum FrontEnd
{
    /// <summary>The <c>polycrate-build</c> command line: options such as <c>--force</c>.</summary>
    Cli,

    /// <summary>The MSBuild SDK: properties such as <c>PolycrateForce=true</c>.</summary>
    MSBuild,

    /// <summary>The Cake addin: settings such as <c>Force = true</c>.</summary>
    Cake,
}
