using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Ssh;

namespace Polycrate.Build.Cli.Commands.Ssh;

/// <summary><c>ssh HOST [-- COMMAND…]</c>: a session on an inventory host with the workspace key; <c>ssh list</c> lists the hosts.</summary>
internal sealed class SshCommand : Command
{
    private readonly Argument<string> _host = new("HOST") { Description = "Inventory host name (as in inventory.yml, e.g. app01.acme-corp.com)." };
    private readonly Argument<string[]> _command = new("COMMAND") { Description = "After --: a command to run on the host instead of an interactive login.", Arity = ArgumentArity.ZeroOrMore };

    public SshCommand(CliContext cli)
        : base("ssh", "Open an SSH session on an inventory host (ssh HOST), or run a command there (ssh HOST -- COMMAND…, exit code = the command's; 255 = ssh could not connect). " +
            "Uses the host's ssh with a 0600 copy of the workspace key (or SSH_AUTH_SOCK's agent), ansible_host/port/user/ssh_common_args incl. group and all vars, " +
            "and one shared connection per host (ControlMaster, private socket directory). Each session is recorded in the run logs. Unknown host: exit 2.")
    {
        var block = SshListCommand.BlockOption();
        Arguments.Add(_host);
        Arguments.Add(_command);
        Options.Add(block);
        Subcommands.Add(new SshListCommand(cli));
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            using var loggers = cli.CreateLoggerFactory(parse);
            var host = parse.GetValue(_host)!;
            var command = parse.GetValue(_command) ?? [];
            var output = cli.Stdout;
            return await cli.CreateEngine(loggers).SshAsync(cli.WorkspaceRequest(parse), new SshSessionOptions
            {
                Host = host,
                Block = parse.GetValue(block),
                Command = command,
                // Remote commands may carry secrets: the run log names the host, not the command.
                CommandLine = $"polycrate-build ssh {host}" + (command.Length > 0 ? " -- …" : string.Empty),
                Output = command.Length == 0 ? null : (line, isError) => (isError ? cli.Stderr : output).WriteLine(line),
            }, token);
        }, ct));
    }
}
