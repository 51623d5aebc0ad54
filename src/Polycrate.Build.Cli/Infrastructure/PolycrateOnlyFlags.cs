namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Flags of Polycrate's own CLI that polycrate-build has no option for: a script or timer written for Polycrate that
/// passes one gets what to do instead, not only "unknown option". (Flags with an equivalent — <c>-f</c>, <c>-l</c>,
/// <c>-e</c>, <c>-m</c>, <c>--snapshot</c>, <c>--loglevel</c>, <c>--pull=true|false</c>, <c>--blocks-auto-pull</c> — are options.)
/// </summary>
internal static class PolycrateOnlyFlags
{
    private static readonly Dictionary<string, string> InsteadOf = new(StringComparer.Ordinal)
    {
        ["-i"] = Interactive,
        ["--interactive"] = Interactive,
        ["-b"] = Build,
        ["--build"] = Build,
        ["--dev"] = "push a pre-release version instead: set 'version: 0.2.0-dev.1' in block.poly (tags never move unless --force)",
        ["--output-format"] = "use -o/--output yaml|json",
        ["--step-index"] = "it had no effect in Polycrate; run one step with --step NAME",
        ["--kubeconfig"] = "the kubeconfig comes from the workspace (artifacts/secrets/kubeconfig.yml, kubeconfig.filename or a block's artifacts); "
            + "for a host file: -m ~/.kube/config:/root/.kube/config:ro -e KUBECONFIG=/root/.kube/config",
        ["--merge-v2"] = "config always merges that way here (an explicit override wins, also false, 0 and \"\")",
        ["--auto-commit"] = "use --commit (or 'git: {autocommit: true}' in workspace.poly)",
        ["--registry-url"] = "set POLYCRATE_REGISTRY_URL, or registry.url in workspace.poly; for a push, --registry",
        ["--image-ref"] = Image,
        ["--image-version"] = Image,
        ["--event-handler"] = Events,
        ["--event-endpoint"] = Events,
        ["--logformat"] = "run logs are YAML files in .logs/; -o json prints data as JSON",
        ["--event-commit"] = "it had no effect in Polycrate; use --commit to commit what a run changed",
        ["--workspace-config"] = "the workspace file is always workspace.poly in the -w directory; keep another workspace in its own directory",
        ["--blocks-root"] = Setting("config.blocksroot"),
        ["--blocks-config"] = Setting("config.blocksconfig"),
        ["--artifacts-root"] = Setting("config.artifactsroot"),
        ["--logs-root"] = Setting("config.logsroot"),
        ["--workflows-root"] = "it had no effect in Polycrate; workflows live in workspace.poly",
        ["--ssh-private-key"] = Setting("config.sshprivatekey"),
        ["--ssh-public-key"] = Setting("config.sshpublickey"),
        ["--container-root"] = Setting("config.containerroot"),
        ["--remote-root"] = "it had no effect in Polycrate (informational only)",
        ["--registry-base-image"] = "blocks are pushed as OCI artifacts without a base image",
        ["--check-updates"] = Polycrate,
        ["--config-dir"] = Polycrate,
        ["--config-file"] = Polycrate,
        ["--workspace-dir"] = Polycrate,
        ["--runtime-dir"] = "each run has a private directory under $TMPDIR/polycrate-build-<user>/, removed after the run",
        ["--editor"] = "it had no effect in Polycrate",
        ["--hub-url"] = Polycrate,
        ["--hub-api-key"] = Polycrate,
        ["--hub-username"] = Polycrate,
        ["--hub-password"] = Polycrate,
        ["--backplane-url"] = Polycrate,
        ["--backplane-username"] = Polycrate,
        ["--backplane-password"] = Polycrate,
    };

    /// <summary>Polycrate's own settings (~/.polycrate, its hub and Backplane services); polycrate-build reads none of them.</summary>
    private const string Polycrate = "it configures Polycrate's own CLI and services (~/.polycrate, hub, Backplane), which polycrate-build does not use; leave it out";

    private static string Setting(string key) => $"set {key} in workspace.poly";

    private const string Interactive = "actions run without a terminal in polycrate-build; for a shell on a host use 'polycrate-build ssh HOST'";
    private const string Build = "Dockerfile.poly is rebuilt only when it or its context changed; --dockerfile FILE picks another file";
    private const string Image = "set config.container.image in workspace.poly";
    private const string Events = "set events: {handler: webhook, endpoint: URL} in workspace.poly";

    /// <summary>What to do instead of <paramref name="token"/> (<c>--build=false</c> counts as <c>--build</c>), or null when it is no Polycrate flag.</summary>
    public static string? Instead(string token)
    {
        var name = token.Split('=', 2)[0];
        return InsteadOf.TryGetValue(name, out var instead) ? $"'{name}' is a flag of Polycrate's CLI that polycrate-build does not have: {instead}" : null;
    }
}
