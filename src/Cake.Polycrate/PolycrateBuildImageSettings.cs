namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycrateBuildImageAliases.PolycrateBuildImage"/>.</summary>
public sealed class PolycrateBuildImageSettings : PolycrateSettings
{
}
