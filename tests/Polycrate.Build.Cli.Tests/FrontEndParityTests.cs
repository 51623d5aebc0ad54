using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Tests;

/// <summary>The three front ends offer the same run options and show the same load warnings (issue 13, façade).</summary>
public sealed class FrontEndParityTests : IDisposable
{
    /// <summary>CLI options whose MSBuild/Cake name is not the option's PascalCase spelling.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["--junit"] = "JUnitPath",
        ["--insecure-registry"] = "InsecureRegistries",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-parity-" + Guid.NewGuid().ToString("N")[..12]);

    public static TheoryData<string> RunOptions()
    {
        var set = new RunOptionSet();
        var names = typeof(RunOptionSet).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Option).IsAssignableFrom(p.PropertyType))
            .Select(p => ((Option)p.GetValue(set)!).Name)
            .Append("--strict");
        return [.. names];
    }

    [Theory]
    [MemberData(nameof(RunOptions))]
    public void Every_CLI_run_option_has_an_MSBuild_property_and_a_Cake_setting(string option)
    {
        var name = Renamed.GetValueOrDefault(option) ?? string.Concat(option.TrimStart('-').Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var src = Path.Combine(Testing.RepositoryRoot.Path, "src");
        var writer = File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "Generation", "WorkspaceTargetsWriter.cs"));
        var task = File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "PolycrateRunTask.cs"))
            + File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "PolycrateTask.cs"));
        var cake = File.ReadAllText(Path.Combine(src, "Cake.Polycrate", "PolycrateSettings.cs"));

        Assert.Contains($"{name}=\\\"$(Polycrate{name})\\\"", writer, StringComparison.Ordinal);
        Assert.Matches(Property(name), task);
        Assert.Matches(Property(name), cake);
    }

    [Fact]
    public async Task A_run_prints_the_load_warnings_that_inspect_prints()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), """
            name: parity
            colour: blue
            blocks:
              - name: app
                actions:
                  - {name: hello, script: [echo hello]}
            """);

        var inspect = await CliRunner.RunAsync("workspace", "inspect", "-w", _root);
        var run = await CliRunner.RunAsync("run", "app", "hello", "--runtime", "host", "-w", _root);

        Assert.Equal(0, inspect.ExitCode);
        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(inspect.Stderr.Split('\n'), l => l.Contains("warning PCB1003", StringComparison.Ordinal));
        Assert.Contains(warning, run.Stderr.Split('\n'));
    }

    private static Regex Property(string name) => new($@"public [\w<>\[\]?.]+ {name} \{{ get;");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
