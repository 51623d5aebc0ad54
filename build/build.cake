// This repository's own build: restore, build, test, and pack the three front ends into a local feed.
//   dotnet tool restore
//   dotnet cake build/build.cake                    pack (after build) into artifacts/packages
//   dotnet cake build/build.cake --target=Test      unit tests (--test-filter=... to narrow)
// The samples consume artifacts/packages through their nuget.config, as users consume a feed.

var target = Argument("target", "Pack");
var configuration = Argument("configuration", "Release");
var testFilter = Argument("test-filter", string.Empty);

var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("Polycrate.Build.sln");
var packages = root.Combine("artifacts/packages");
var packable = new[]
{
    "src/Polycrate.Build.Cli/Polycrate.Build.Cli.csproj",     // dotnet tool `polycrate-build`
    "src/Polycrate.Build.Tasks/Polycrate.Build.Tasks.csproj", // MSBuild SDK `Polycrate.Build.Sdk`
    "src/Cake.Polycrate/Cake.Polycrate.csproj",               // Cake addin
};

Task("Clean")
    .Description("Delete the local feed")
    .Does(() => CleanDirectory(packages));

Task("Restore")
    .Does(() => DotNetRestore(solution.FullPath));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .Description("Unit tests of the engine, the CLI and the front ends")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var project in new[] { "tests/Polycrate.Build.Tests", "tests/Polycrate.Build.Cli.Tests" })
    {
        DotNetTest(root.Combine(project).FullPath, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            Filter = string.IsNullOrEmpty(testFilter) ? null : testFilter,
        });
    }
});

Task("Pack")
    .Description("Pack the CLI tool, the MSBuild SDK and the Cake addin into artifacts/packages")
    .IsDependentOn("Clean")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var project in packable)
    {
        // The CLI tool package is RID-specific (.NET 10): its RID-less pack publishes every RID (the pointer package, the
        // portable "any" package and linux-x64), which the RID-less solution build does not produce, so it builds.
        var ridSpecific = project.EndsWith("Polycrate.Build.Cli.csproj", StringComparison.Ordinal);
        DotNetPack(root.CombineWithFilePath(project).FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = !ridSpecific,
            NoRestore = true,
            OutputDirectory = packages,
        });
    }

    // linux-x64 packed on its own is what compiles it natively (PublishAot): this replaces the JIT linux-x64 package.
    DotNetPack(root.CombineWithFilePath(packable[0]).FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        Runtime = "linux-x64",
        OutputDirectory = packages,
    });

    Information("Packages in {0}:", packages);
    foreach (var package in GetFiles(packages.FullPath + "/*.nupkg"))
    {
        Information("  {0}", package.GetFilename());
    }
});

RunTarget(target);
