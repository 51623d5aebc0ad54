namespace Polycrate.Build.Testing;

/// <summary>
/// The repository (the folder with Polycrate.Build.sln), found from the test's or benchmark's output directory.
/// One source file, compiled into every test project and the benchmarks (tests/Directory.Build.props, the bench csproj).
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Polycrate.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Polycrate.Build.sln above {AppContext.BaseDirectory}: run from inside the repository");
    }
}
