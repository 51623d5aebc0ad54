namespace Polycrate.Build.Loading;

/// <summary>
/// Keys real block.poly files carry for Polycrate's block catalog (PolyHub) and its computed fields. They have no
/// effect on a run, but they are Polycrate's own keys, so they load without an "unknown key" warning.
/// </summary>
internal static class PolycrateMetadataKeys
{
    /// <summary>PolyHub presentation keys of a block.</summary>
    public static readonly string[] Block =
    [
        "display_name", "icon_url", "license", "license_url", "website_url", "documentation_url", "git_repository_url",
        "supports_ha", "author", "maintainer", "maintainers", "tags", "keywords", "category", "categories",
    ];

    /// <summary>Computed path fields of <c>inventory:</c> / <c>kubeconfig:</c> that Polycrate writes into snapshots and users copy back.</summary>
    public static readonly string[] ArtifactPaths = ["path", "localpath", "containerpath"];
}
