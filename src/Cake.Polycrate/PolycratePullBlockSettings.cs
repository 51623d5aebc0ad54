namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycratePullBlockAliases.PolycratePullBlock"/>.</summary>
public sealed class PolycratePullBlockSettings : PolycrateSettings
{
}
