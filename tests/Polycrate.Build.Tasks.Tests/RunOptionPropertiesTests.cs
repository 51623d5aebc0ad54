using System.Globalization;
using Polycrate.Build.Engine;
using Polycrate.Build.Tasks;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// The MSBuild side of <see cref="RunOptionCatalog"/> in process (no build): every catalog option is a parameter of the
/// run tasks that reaches the engine, and the generated targets pass its <c>Polycrate&lt;Name&gt;</c> property.
/// </summary>
public sealed class RunOptionPropertiesTests
{
    public static TheoryData<string> CatalogOptions() => [.. RunOptionCatalog.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(CatalogOptions))]
    public void Every_catalog_option_is_a_task_parameter_that_reaches_the_engine(string name)
    {
        var option = RunOptionCatalog.All.Single(o => o.Name == name);
        var baseline = new PolycrateRunAction { WorkspaceDirectory = "/srv/ws" }.CreateOptions();
        var task = new PolycrateRunAction { WorkspaceDirectory = "/srv/ws" };
        var property = typeof(PolycrateRunAction).GetProperty(name);
        Assert.True(property is { CanWrite: true }, $"PolycrateRunTask has no parameter {name} for $({option.MSBuildProperty})");

        property.SetValue(task, MSBuildValue(property.PropertyType, option));

        Assert.NotEqual(Show(option.Value(baseline)), Show(option.Value(task.CreateOptions())));
    }

    /// <summary>The value as MSBuild would bind <c>-p:Polycrate&lt;Name&gt;=EXAMPLE</c> (a switch: true).</summary>
    private static object MSBuildValue(Type type, RunOptionDescriptor option) =>
        type == typeof(bool) ? true
        : option.IsSwitch ? "true"
        : type == typeof(int) ? int.Parse(option.Example!, CultureInfo.InvariantCulture)
        : type == typeof(string[]) ? new[] { option.Example! }
        : option.Example!;

    private static string Show(object? value) => value?.ToString() ?? "(none)";
}
