using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Model;

namespace Polycrate.Build.Cli.Commands.Ssh;

/// <summary><c>ssh list</c>: the inventory's hosts with address, port, user and groups (a table; data with -o yaml|json).</summary>
internal sealed class SshListCommand : Command
{
    public SshListCommand(CliContext cli)
        : base("list", "List the hosts of the workspace inventory (or a block's, --block) with address, port, user and groups. A table; -o json or -o yaml for data.")
    {
        var block = BlockOption();
        Options.Add(block);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var hosts = (await cli.CreateEngine(loggers).SshHostsAsync(cli.WorkspaceRequest(parse), parse.GetValue(block), token)).Value;
            if (parse.GetResult(cli.Options.Output) is { Implicit: false })
            {
                await cli.WriteDataAsync(parse, ConfigMap.Of(("hosts", new ConfigList(hosts.Select(h => (ConfigValue)ConfigMap.Of(
                    ("name", ConfigScalar.String(h.Name)),
                    ("address", ConfigScalar.String(h.Address)),
                    ("port", ConfigScalar.Integer(h.Port)),
                    ("user", h.User is null ? ConfigScalar.Null : ConfigScalar.String(h.User)),
                    ("groups", new ConfigList(h.Groups.Select(g => (ConfigValue)ConfigScalar.String(g)).ToList())))).ToList()))));
                return 0;
            }

            var rows = hosts.Select(h => new[] { h.Name, h.Address, h.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), h.User ?? "-", string.Join(",", h.Groups) }).ToList();
            string[] header = ["HOST", "ADDRESS", "PORT", "USER", "GROUPS"];
            var widths = header.Select((title, i) => rows.Select(r => r[i].Length).Append(title.Length).Max()).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                await cli.Stdout.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }

            return 0;
        }, ct));
    }

    public static Option<string?> BlockOption() => new("--block")
    {
        Description = "Use this block's inventory (its artifacts or inventory.from) instead of the workspace's inventory.yml.",
        HelpName = "BLOCK",
    };
}
