namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycratePushBlockAliases.PolycratePushBlock"/>.</summary>
public sealed class PolycratePushBlockSettings : PolycrateSettings
{
}
