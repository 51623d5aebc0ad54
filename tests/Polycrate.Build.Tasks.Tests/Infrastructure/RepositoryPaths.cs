namespace Polycrate.Build.FrontEndTests;

/// <summary>Finds the repository (the folder with Polycrate.Build.sln) from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root => Testing.RepositoryRoot.Path;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Project(string relative) => Path.Combine(Root, relative);
}
