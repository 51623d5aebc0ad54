using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Tests;

/// <summary>
/// The three front ends offer the same run options (<see cref="RunOptionCatalog"/>) and show the same load warnings
/// (issue 13, façade).
/// </summary>
public sealed class FrontEndParityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-parity-" + Guid.NewGuid().ToString("N")[..12]);

    public static TheoryData<string> CatalogOptions() => [.. RunOptionCatalog.All.Select(o => o.Name)];

    private static List<string> CliRunOptions()
    {
        var set = new RunOptionSet();
        return [.. OptionsOf(set).Concat(OptionsOf(set.Ansible)).Append(new GlobalOptions().Strict.Name)];
    }

    private static IEnumerable<string> OptionsOf(object set) =>
        set.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Option).IsAssignableFrom(p.PropertyType))
            .Select(p => ((Option)p.GetValue(set)!).Name);

    [Fact]
    public void Every_CLI_run_option_is_in_the_catalog_or_CLI_only_and_every_catalog_option_is_a_CLI_run_option()
    {
        var cli = CliRunOptions();
        var catalog = RunOptionCatalog.All.Select(o => o.Cli).ToList();

        Assert.Empty(cli.Except(catalog).Except(RunOptionCatalog.CliOnly.Keys));
        Assert.Empty(catalog.Except(cli));
        Assert.Empty(RunOptionCatalog.CliOnly.Keys.Except(cli));
        Assert.Equal(catalog.Count, catalog.Distinct().Count());
        Assert.Equal(RunOptionCatalog.All.Count, RunOptionCatalog.All.Select(o => o.Name).Distinct().Count());
    }

    /// <summary>The CLI maps every option: given alone with its example value, it changes what the engine receives.</summary>
    [Theory]
    [MemberData(nameof(CatalogOptions))]
    public void The_CLI_maps_every_catalog_option_to_the_run_options(string name)
    {
        var option = RunOptionCatalog.All.Single(o => o.Name == name);
        var baseline = ToRunOptions([]);

        var given = ToRunOptions(option.IsSwitch ? [option.Cli] : [option.Cli, option.Example!]);

        Assert.NotEqual(Show(option.Value(baseline)), Show(option.Value(given)));
    }

    /// <summary>Polycrate's boolean --pull: false skipped only the eager pull (its docker run still pulled a missing image).</summary>
    [Theory]
    [InlineData("--pull=true", Execution.ImageBuild.ImagePullPolicy.Always)]
    [InlineData("--pull=false", Execution.ImageBuild.ImagePullPolicy.Missing)]
    [InlineData("--pull=never", Execution.ImageBuild.ImagePullPolicy.Never)]
    [InlineData("--pull=Always", Execution.ImageBuild.ImagePullPolicy.Always)]
    public void Polycrates_boolean_pull_maps_to_the_policy_its_docker_run_had(string flag, Execution.ImageBuild.ImagePullPolicy expected) =>
        Assert.Equal(expected, ToRunOptions([flag]).Pull);

    private static Execution.RunOptions ToRunOptions(string[] arguments)
    {
        var global = new GlobalOptions();
        var root = new RootCommand();
        global.AddTo(root);
        var set = new RunOptionSet();
        set.AddTo(root);
        var parse = root.Parse(arguments);
        Assert.Empty(parse.Errors);
        return set.ToRunOptions(parse, new CliContext(global, TextWriter.Null, TextWriter.Null, interactive: false));
    }

    private static string Show(object? value) => value?.ToString() ?? "(none)";

    /// <summary>
    /// MSBuild and Cake declare a property per catalog option (the frameworks need a typed declaration each) and map it
    /// where the others are mapped; the MSBuild mapping is also checked at run time by the Tasks tests.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatalogOptions))]
    public void Every_catalog_option_has_an_MSBuild_property_and_a_Cake_setting_that_are_mapped(string name)
    {
        var src = Path.Combine(Testing.RepositoryRoot.Path, "src");
        var task = File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "PolycrateRunTask.cs"))
            + File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "PolycrateTask.cs"));
        var props = File.ReadAllText(Path.Combine(src, "Polycrate.Build.Tasks", "Sdk", "Sdk.props"));
        var cake = File.ReadAllText(Path.Combine(src, "Cake.Polycrate", "PolycrateSettings.cs"));
        var cakeMapping = File.ReadAllText(Path.Combine(src, "Cake.Polycrate", "Internal", "CakeEngineAdapter.cs"));

        Assert.Matches(Property(name), task);
        Assert.Matches(new Regex($@"\b{RunOptionCatalog.All.Single(o => o.Name == name).MSBuildProperty}\b"), props);
        Assert.Matches(Property(name), cake);
        Assert.Matches(new Regex($@"settings\.{name}\b"), cakeMapping);
    }

    /// <summary>docs/run-options.md is the catalog's table; regenerate it with POLYCRATE_WRITE_DOCS=1 when this fails.</summary>
    [Fact]
    public void Docs_run_options_is_the_catalog()
    {
        var path = Path.Combine(Testing.RepositoryRoot.Path, "docs", "run-options.md");
        var expected = RunOptionsDoc.Render();
        if (Environment.GetEnvironmentVariable("POLYCRATE_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path));
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

    /// <summary>
    /// The CLI's half of "all three report the same warnings": every load warning once, at its file:line:col, on a workflow
    /// run, an action run and inspect alike. The MSBuild and Cake tests check the same list (LoadWarningsWorkspace).
    /// </summary>
    [Theory]
    [InlineData("workflows run release --runtime host")]
    [InlineData("run app hello --runtime host")]
    [InlineData("workspace inspect")]
    public async Task The_CLI_shows_every_load_warning_once_at_its_position(string command)
    {
        Directory.CreateDirectory(_root);
        Testing.LoadWarningsWorkspace.WriteTo(_root);

        var result = await CliRunner.RunAsync([.. command.Split(' '), "-w", _root]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Sorted(Testing.LoadWarningsWorkspace.Expected), Sorted(Testing.LoadWarningsWorkspace.FromCliFormat(result.Stderr, _root)));
    }

    private static List<string> Sorted(IEnumerable<Testing.ShownWarning> warnings) => [.. warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal)];

    private static Regex Property(string name) => new($@"public [\w<>\[\]?.]+ {name} \{{ get;");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
