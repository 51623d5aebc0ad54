namespace Polycrate.Build.Tests.Support;

/// <summary>Locates the repository (the folder with Polycrate.Build.sln) from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static string Samples => Path.Combine(Root, "samples");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");
}
