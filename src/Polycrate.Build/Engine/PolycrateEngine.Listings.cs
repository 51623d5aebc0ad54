using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Engine;

/// <summary>Listings of a workspace's state: blocks with their pins, run logs, secrets. Missing registry blocks are allowed.</summary>
public sealed partial class PolycrateEngine
{
    /// <summary>
    /// <c>blocks list</c>: every block (name, version, kind, from, template, workdir, actions, installed_version, digest,
    /// pin) and every missing <c>from:</c> parent (status "parent not installed"), with their blocks.lock pin status.
    /// </summary>
    public async Task<EngineResult<ConfigList>> ListBlocksAsync(WorkspaceRequest workspace, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        var model = loaded.Workspace;
        var lockFile = await BlockLockFile.LoadAsync(model.RootPath, cancellationToken);
        var items = model.Blocks.Select(b =>
        {
            var pin = b.From is null ? null : BlockPin.Of(model, lockFile, b.From);
            var pulled = b.Workdir is null ? null : lockFile.FindByPath(Path.GetRelativePath(model.RootPath, b.Workdir).Replace(Path.DirectorySeparatorChar, '/'));
            return (ConfigValue)ConfigMap.Of(
                ("name", ConfigScalar.String(b.Name)),
                ("version", b.Version is null ? null : ConfigScalar.String(b.Version)),
                ("kind", b.Kind is null ? null : ConfigScalar.String(b.Kind)),
                ("from", b.From is null ? null : ConfigScalar.String(b.From)),
                ("template", b.IsTemplate ? ConfigScalar.Bool(true) : null),
                ("workdir", b.Workdir is null ? ConfigScalar.String("(inline)") : ConfigScalar.String(Path.GetRelativePath(model.RootPath, b.Workdir))),
                ("actions", new ConfigList(b.Actions.Select(a => (ConfigValue)ConfigScalar.String(a.Name)).ToList())),
                ("installed_version", pin?.InstalledVersion is { } installed ? ConfigScalar.String(installed) : null),
                ("digest", (pin?.Digest ?? pulled?.Digest) is { } digest ? ConfigScalar.String(digest) : null),
                ("pin", pin is null ? null : ConfigScalar.String(pin.Describe())));
        })
            .Concat(model.MissingBlocks.Select(m => (ConfigValue)ConfigMap.Of(
                ("name", ConfigScalar.String(m.RequiredBy)),
                ("from", ConfigScalar.String(m.Reference)),
                ("status", ConfigScalar.String("parent not installed")),
                ("pin", BlockPin.Of(model, lockFile, m.Reference) is { } pin ? ConfigScalar.String(pin.Describe()) : null))))
            .ToList();
        return new EngineResult<ConfigList>(new ConfigList(items), loaded.Warnings);
    }

    /// <summary><c>logs list</c>: the workspace's run logs, newest first.</summary>
    /// <param name="workspace">The workspace whose logs folder is read.</param>
    /// <param name="onSkipped">Each file in the logs folder that is not a readable run log (FIFO, device, too large, not a log), with its code.</param>
    /// <param name="cancellationToken">Stops loading the workspace.</param>
    public async Task<EngineResult<IReadOnlyList<RunLogEntry>>> RunLogsAsync(WorkspaceRequest workspace, Action<Diagnostic> onSkipped,
        CancellationToken cancellationToken)
    {
        var (root, logsRoot, warnings) = await LogsLocationAsync(workspace, cancellationToken);
        return new EngineResult<IReadOnlyList<RunLogEntry>>(new RunLogStore(root, logsRoot).List(onSkipped), warnings);
    }

    /// <summary><c>logs inspect TXID</c>: one run log; a unique prefix of the transaction id is enough.</summary>
    /// <exception cref="NotFoundException">PCB2004: no run log for that id.</exception>
    public async Task<EngineResult<RunLogEntry>> RunLogAsync(WorkspaceRequest workspace, string transactionId, CancellationToken cancellationToken)
    {
        var (root, logsRoot, warnings) = await LogsLocationAsync(workspace, cancellationToken);
        var entry = new RunLogStore(root, logsRoot).Find(transactionId)
            ?? throw new NotFoundException($"no run log for transaction '{transactionId}'; 'polycrate-build logs list' shows the runs");
        return new EngineResult<RunLogEntry>(entry, warnings);
    }

    /// <summary>
    /// The workspace root and logs directory; when workspace.poly does not load, the logs are read all the same (warning
    /// PCB1046, see LogsRootFallback): they are where one looks to find out what went wrong.
    /// </summary>
    private async Task<(string Root, string LogsRoot, IReadOnlyList<Diagnostic> Warnings)> LogsLocationAsync(WorkspaceRequest workspace,
        CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
            return (loaded.Workspace.RootPath, loaded.Workspace.Settings.LogsRoot, loaded.Warnings);
        }
        catch (WorkspaceException error)
        {
            var fallback = await LogsRootFallback.ResolveAsync(workspace.Directory, error, _getVariable, cancellationToken);
            if (fallback is not { } found)
            {
                throw;
            }

            _onWarning(found.Warning);
            return (found.Root, found.LogsRoot, [found.Warning]);
        }
    }

    /// <summary><c>workspace status</c>: each secret's state, compared with the plaintext when <paramref name="identity"/> can decrypt.</summary>
    /// <exception cref="Secrets.Age.AgeException">The identity is given but is not a valid age identity.</exception>
    public async Task<EngineResult<SecretsStatusReport>> SecretsStatusAsync(WorkspaceRequest workspace, IdentitySource identity, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        var model = loaded.Workspace;
        var identities = await identity.TryLoadAsync(cancellationToken);
        var statuses = await SecretStatus.ReadAllAsync(model, identities, cancellationToken);
        var recipients = RecipientsFile.DefaultPath(model.RootPath);
        var data = ConfigMap.Of(
            ("secrets_directory", ConfigScalar.String(Path.GetRelativePath(model.RootPath, SecretDiscovery.SecretsDirectory(model)))),
            ("recipients_file", ConfigScalar.String(File.Exists(recipients) ? RecipientsFile.DefaultName : "(none: your own key)")),
            ("key", ConfigScalar.String(identities is null ? "(none)" : $"{identity.Description} ({identities[0].Recipient})")),
            ("secrets", SecretStatus.ToConfigMap(statuses)));
        var unprotected = statuses.Count(s => s.State is SecretState.PlaintextOnly or SecretState.OutOfDate);
        return new EngineResult<SecretsStatusReport>(new SecretsStatusReport(data, unprotected), loaded.Warnings);
    }
}
