using System.Reflection;

namespace Polycrate.Build;

/// <summary>The product version, from the assembly's informational version (set by the build).</summary>
public static class ProductInfo
{
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
