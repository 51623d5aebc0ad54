using System.Globalization;
using Microsoft.Build.Framework;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Tasks;

/// <summary>
/// The run-option properties as the generated targets list them (<c>@(_PolycrateRunOption)</c>: one item per
/// <see cref="RunOptionCatalog"/> entry, its <c>$(Polycrate&lt;Name&gt;)</c> value as metadata), checked before any target
/// runs. MSBuild would refuse <c>-p:PolycrateForce=ja</c> itself, naming the task parameter <c>Force</c> of the task
/// <c>PolycrateRunWorkflow</c> (MSB4030); this names the property the user typed and what it accepts.
/// </summary>
internal static class RunOptionItems
{
    /// <summary>A run task carrying the values, so every check of <see cref="PolycrateRunTask.CreateOptions"/> applies too.</summary>
    /// <exception cref="TaskParameterException">A value the option does not accept, with its MSBuild property name.</exception>
    public static PolycrateRunAction ToTask(IEnumerable<ITaskItem> items, string workspaceDirectory)
    {
        var task = new PolycrateRunAction { WorkspaceDirectory = workspaceDirectory };
        foreach (var item in items)
        {
            var option = RunOptionCatalog.All.FirstOrDefault(o => o.Name == item.ItemSpec);
            var value = item.GetMetadata("Value").Trim();
            if (option is null || value.Length == 0 || typeof(PolycrateRunTask).GetProperty(option.Name) is not { } property)
            {
                continue;
            }

            property.SetValue(task, Convert(property.PropertyType, option, value));
        }

        return task;
    }

    private static object Convert(Type type, RunOptionDescriptor option, string value) =>
        type == typeof(bool) ? ParseSwitch(option, value)
        : type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
            : throw new TaskParameterException($"{option.MSBuildProperty}='{value}' is not valid: use a whole number, e.g. -p:{option.MSBuildProperty}={option.Example}")
        : option.IsSwitch && type == typeof(string) ? value
        : type == typeof(string[]) ? value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : value;

    /// <summary>What MSBuild accepts for a bool parameter: true/false, on/off, yes/no, optionally negated with '!'.</summary>
    internal static bool ParseSwitch(RunOptionDescriptor option, string value)
    {
        var negated = value.StartsWith('!');
        var word = (negated ? value[1..] : value).ToLowerInvariant();
        bool? parsed = word is "true" or "on" or "yes" ? true : word is "false" or "off" or "no" ? false : null;
        return parsed is { } flag ? flag != negated
            : throw new TaskParameterException($"{option.MSBuildProperty}='{value}' is not valid: use true or false");
    }
}
