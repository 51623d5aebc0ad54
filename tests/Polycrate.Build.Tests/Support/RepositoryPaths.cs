namespace Polycrate.Build.Tests.Support;

/// <summary>Locates the repository (the folder with Polycrate.Build.sln) from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Samples => Path.Combine(Root, "samples");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Polycrate.Build.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Polycrate.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
