namespace Polycrate.Build.FrontEndTests;

/// <summary>Finds the repository (the folder with Polycrate.Build.sln) from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Project(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Polycrate.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Polycrate.Build.sln above {AppContext.BaseDirectory}");
    }
}
