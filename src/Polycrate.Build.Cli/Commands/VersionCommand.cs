using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Commands;

/// <summary><c>version</c>.</summary>
internal sealed class VersionCommand : Command
{
    public VersionCommand(CliContext cli)
        : base("version", "Print the polycrate-build version.")
    {
        SetAction((parse, ct) => cli.RunAsync(async _ =>
        {
            await cli.Stdout.WriteLineAsync($"polycrate-build {ProductInfo.Version} (.NET {Environment.Version})");
            return 0;
        }, ct));
    }
}
