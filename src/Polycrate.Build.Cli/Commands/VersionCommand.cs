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
            await cli.Stdout.WriteLineAsync(Line);
            return 0;
        }, ct));
    }

    /// <summary>What <c>version</c> prints (one line; <see cref="Program"/> writes it without the parser for a bare <c>version</c>).</summary>
    /// <remarks>Concatenated, not interpolated: the interpolation handler's first interface calls were measurable in a bare <c>version</c>.</remarks>
    public static string Line => string.Concat("polycrate-build ", ProductInfo.Version, " (.NET ", Environment.Version.ToString(), ")");
}
