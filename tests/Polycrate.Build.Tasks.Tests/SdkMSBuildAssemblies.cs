using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Tests that create the run tasks in process load MSBuild's assemblies from the .NET SDK running them — the MSBuild that
/// loads the tasks in a real build (the packages ship only reference assemblies for net10.0).
/// </summary>
internal static class SdkMSBuildAssemblies
{
    [ModuleInitializer]
    internal static void Register() => AssemblyLoadContext.Default.Resolving += (context, name) =>
        name.Name is { } simple && simple.StartsWith("Microsoft.Build", StringComparison.Ordinal) && Find(simple + ".dll") is { } path
            ? context.LoadFromAssemblyPath(path)
            : null;

    private static string? Find(string file)
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/sdk/<version>/
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdks = Path.Combine(root, "sdk");
        return Directory.Exists(sdks)
            ? Directory.GetDirectories(sdks).OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists)
            : null;
    }
}
