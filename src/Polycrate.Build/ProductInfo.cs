namespace Polycrate.Build;

/// <summary>The product version: the build's informational version without its '+' suffix (source revision).</summary>
public static class ProductInfo
{
    // A constant the build writes (ProductVersion.g.cs, see Polycrate.Build.csproj): reading the informational-version
    // attribute through reflection started the reflection machinery, about a millisecond of `version` (bench/ startup).
    /// <summary>The version, e.g. <c>0.1.0</c> (what <c>polycrate-build version</c> prints).</summary>
    public static string Version { get; } = ProductVersion.Informational.Split('+')[0];
}
