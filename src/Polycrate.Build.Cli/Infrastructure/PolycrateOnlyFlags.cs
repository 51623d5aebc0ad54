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
    };

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
