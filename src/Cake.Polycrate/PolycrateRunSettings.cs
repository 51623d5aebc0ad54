namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycrateRunAliases.PolycrateRun"/>.</summary>
public sealed class PolycrateRunSettings : PolycrateSettings
{
}
