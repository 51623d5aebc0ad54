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
        ["--loglevel"] = "LogLevel",
    };

    /// <summary>CLI run options with no MSBuild property / Cake setting on purpose, each with the reason.</summary>
    private static readonly Dictionary<string, string> CliOnly = new(StringComparer.Ordinal)
    {
        // Prints the snapshot one action would receive and runs nothing: an inspection on the console; a build target or
        // Cake task always runs (and MSBuild/Cake have no stdout data channel for it).
        ["--snapshot"] = "inspection, runs nothing",
        // Polycrate's spelling of '--runtime host'; MSBuild and Cake say PolycrateRuntime=Host / Runtime = RuntimeKind.Host.
        ["--local"] = "alias of --runtime host",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-parity-" + Guid.NewGuid().ToString("N")[..12]);

    public static TheoryData<string> RunOptions()
    {
        var set = new RunOptionSet();
        var names = OptionsOf(set).Concat(OptionsOf(set.Ansible)).Append("--strict").Where(n => !CliOnly.ContainsKey(n)).ToList();
        Assert.NotEmpty(names);
        return [.. names];
    }

    private static IEnumerable<string> OptionsOf(object set) =>
        set.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Option).IsAssignableFrom(p.PropertyType))
            .Select(p => ((Option)p.GetValue(set)!).Name);

    [Fact]
    public void The_CLI_only_options_are_still_run_options()
    {
        var set = new RunOptionSet();
        var all = OptionsOf(set).Concat(OptionsOf(set.Ansible)).ToList();

        Assert.All(CliOnly.Keys, option => Assert.Contains(option, all));
        Assert.Contains("--limit", all);
        Assert.Contains("--env", all);
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
