using System.Text;
using Polycrate.Build.Engine;

namespace Polycrate.Build.Cli.Tests;

/// <summary>docs/run-options.md rendered from <see cref="RunOptionCatalog"/> (the file is this text; a test compares them).</summary>
internal static class RunOptionsDoc
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            # Run options

            <!-- Generated from src/Polycrate.Build/Engine/RunOptionCatalog.cs; do not edit. Regenerate:
                 POLYCRATE_WRITE_DOCS=1 dotnet test tests/Polycrate.Build.Cli.Tests --filter Docs_run_options_is_the_catalog -->

            How an action, a workflow or one of its steps runs, in the three front ends: the CLI option of `run`,
            `actions run` and `workflows run`; the MSBuild property (`-p:PolycrateForce=true` or in the project file) that
            every generated workflow, step and action target passes on; the Cake setting of `PolycrateTasksSettings`,
            `PolycrateRunSettings` and `PolycrateWorkflowSettings`. A switch is `--force` on the CLI, `true` in MSBuild,
            `Force = true` in Cake. Options given several times on the CLI are a `;`-separated list in MSBuild and a list
            in Cake. An invalid value is refused before anything runs, with the option named as you spelled it.

            | CLI | MSBuild property | Cake setting | what it does |
            |---|---|---|---|

            """);
        foreach (var option in RunOptionCatalog.All)
        {
            var cli = option.IsSwitch ? option.Cli : $"{option.Cli} {option.Example}";
            text.Append($"| `{cli}` | `{option.MSBuildProperty}` | `{option.CakeSetting}` | {option.Description} |\n");
        }

        text.Append("\nCLI only:\n\n");
        foreach (var (cli, reason) in RunOptionCatalog.CliOnly)
        {
            text.Append($"- `{cli}`: {reason}.\n");
        }

        return text.ToString();
    }
}
