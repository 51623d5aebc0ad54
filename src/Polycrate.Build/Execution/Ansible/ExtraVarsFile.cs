using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Text;

namespace Polycrate.Build.Execution.Ansible;

/// <summary>
/// Turns one inline <c>--extra-vars</c> value into the content of a private vars file, so values (which may be
/// secrets) never appear in a process argument list. <c>key=value …</c> becomes a mapping of strings (Ansible's
/// own reading of that form); a JSON/YAML mapping is written as given.
/// </summary>
internal static class ExtraVarsFile
{
    /// <summary>The file content for <paramref name="value"/> (not an <c>@file</c> reference).</summary>
    /// <exception cref="ActionException">A word is not <c>key=value</c> (exit code 2).</exception>
    public static string Content(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return trimmed + "\n";
        }

        var entries = new List<(string, ConfigValue?)>();
        foreach (var pair in ShellWords.Split(trimmed))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new ActionException($"--extra-vars: '{AnsiblePassThrough.MaskExtraVars(pair)}' is not key=value",
                    "write key=value pairs, a JSON mapping ('{\"key\": 1}') or @FILE", AnsiblePassThroughErrors.InvalidCode, exitCode: 2);
            }

            entries.Add((pair[..separator], ConfigScalar.String(pair[(separator + 1)..])));
        }

        return ConfigYamlWriter.Write(ConfigMap.Of([.. entries]));
    }
}
