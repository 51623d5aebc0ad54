using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Workspace;

namespace Polycrate.Build.Cli.Commands.Workspace;

/// <summary><c>workspace snapshot BLOCK ACTION</c>: the snapshot an action run would receive, without running it.</summary>
internal sealed class WorkspaceSnapshotCommand : Command
{
    private readonly Argument<string> _block = new("BLOCK") { Description = "Block (instance) name." };
    private readonly Argument<string> _action = new("ACTION") { Description = "Action name." };

    public WorkspaceSnapshotCommand(CliContext cli)
        : base("snapshot", "Print the snapshot (Ansible extra vars) an action would receive: workspace, block, action, env, mounts (secret values masked).")
    {
        Arguments.Add(_block);
        Arguments.Add(_action);
        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var workspace = await cli.LoadWorkspaceAsync(parse, token);
            var (block, action) = Lookup.Action(workspace, parse.GetValue(_block)!, parse.GetValue(_action)!);
            var context = new ActionContext
            {
                Workspace = workspace,
                Block = block,
                Action = action,
                TransactionId = "00000000-0000-0000-0000-000000000000",
            };
            // Nothing is written: the paths under the run directory only show where a run would put its files.
            var prepared = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions
            {
                RunDirectory = Path.Combine(Path.GetTempPath(), "polycrate-build", context.TransactionId, "action"),
            });
            var redactor = await SecretRedactor.ForRunAsync(workspace, block, action, null, token);
            await cli.WriteDataAsync(parse, prepared.MaskedSnapshot(redactor.Redact));
            return 0;
        }, ct));
    }
}
