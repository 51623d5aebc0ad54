using System.Reflection;
using System.Runtime.CompilerServices;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Tests.Architecture;

/// <summary>
/// The engine's fence: front ends (CLI, MSBuild tasks, Cake addin) compile against its public surface only, so none of
/// them may be a friend assembly. Only test projects and the benchmarks see internals.
/// </summary>
public sealed class EngineFenceTests
{
    private static readonly Assembly Engine = typeof(PolycrateEngine).Assembly;

    private static IReadOnlyList<string> Friends() =>
        [.. Engine.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim())];

    [Theory]
    [InlineData("polycrate-build")]
    [InlineData("Polycrate.Build.Cli")]
    [InlineData("Polycrate.Build.Tasks")]
    [InlineData("Cake.Polycrate")]
    public void A_front_end_has_no_access_to_engine_internals(string frontEnd) =>
        Assert.DoesNotContain(Friends(), name => string.Equals(name, frontEnd, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Only_tests_and_benchmarks_are_friends()
    {
        var friends = Friends();
        Assert.NotEmpty(friends);
        Assert.All(friends, name => Assert.True(name.EndsWith(".Tests", StringComparison.Ordinal) || name.EndsWith(".IntegrationTests", StringComparison.Ordinal)
            || name == "Polycrate.Build.Benchmarks", $"'{name}' may see engine internals; only test projects and the benchmarks may"));
    }

    [Fact]
    public void The_facade_is_public_and_the_services_behind_it_are_not()
    {
        Assert.True(typeof(PolycrateEngine).IsPublic);
        string[] services = ["Polycrate.Build.Loading.WorkspaceLoader", "Polycrate.Build.Runs.RunPipeline", "Polycrate.Build.Git.WorkspaceSync",
            "Polycrate.Build.Ssh.SshShortcut", "Polycrate.Build.Transactions.RunLogStore", "Polycrate.Build.Serialization.ConfigYamlWriter"];
        Assert.All(services, name => Assert.False(Engine.GetType(name, throwOnError: true)!.IsPublic, $"{name} is public"));
    }
}
