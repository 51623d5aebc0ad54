using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 12 item 5: path settings stay inside the workspace; extramounts remain the explicit way out.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkspacePathTests
{
    [Theory]
    [InlineData("config:\n  sshprivatekey: ../../../../etc/shadow\n", 3, 18)]
    [InlineData("config:\n  sshprivatekey: /etc/shadow\n", 3, 18)]
    [InlineData("config:\n  logsroot: /var/tmp/logs\n", 3, 13)]
    [InlineData("config:\n  blocksroot: ../elsewhere\n", 3, 15)]
    [InlineData("config:\n  artifactsroot: artifacts/../../x\n", 3, 18)]
    [InlineData("config:\n  sshpublickey: ~/.ssh/id_rsa.pub\n", 3, 17)]
    [InlineData("config:\n  dockerfile: ../Dockerfile\n", 3, 15)]
    [InlineData("config:\n  container:\n    dockerfile: /srv/Dockerfile\n", 4, 17)]
    [InlineData("config:\n  blocksconfig: ../block.poly\n", 3, 17)]
    [InlineData("kubeconfig:\n  filename: /root/.kube/config\n", 3, 13)]
    [InlineData("inventory:\n  filename: ../../inventory.yml\n", 3, 13)]
    public async Task A_path_setting_leaving_the_workspace_is_an_error_at_its_position(string settings, int line, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n" + settings);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.PathOutsideWorkspace, diagnostic.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), line, column), diagnostic.Location);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("../../../../etc/shadow")]
    [InlineData("/etc/shadow")]
    public async Task A_block_link_filename_leaving_its_artifacts_is_an_error(string filename)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", $"name: ws\nblocks:\n  - name: app\n    kubeconfig:\n      filename: {filename}\n    actions: [{{name: run, script: [echo]}}]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.PathOutsideWorkspace, diagnostic.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 5, 17), diagnostic.Location);
    }

    [Fact]
    public async Task A_symlink_leading_out_of_the_workspace_is_an_error()
    {
        using var workspace = new TempWorkspace();
        using var outside = new TempWorkspace();
        Directory.CreateSymbolicLink(workspace.PathOf("keys"), outside.Root);
        workspace.Write("workspace.poly", "name: ws\nconfig:\n  sshprivatekey: keys/id_rsa\n  artifactsroot: keys\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        Assert.Equal(2, error.Diagnostics.Count(d => d.Code == DiagnosticCodes.PathOutsideWorkspace && d.Message.Contains("symlink", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Paths_inside_the_workspace_and_symlinks_within_it_are_fine_and_extramounts_may_name_host_paths()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.PathOf("real-artifacts"));
        Directory.CreateSymbolicLink(workspace.PathOf("artifacts-link"), workspace.PathOf("real-artifacts"));
        workspace.Write("workspace.poly", """
            name: ws
            config:
              sshprivatekey: artifacts/secrets/id_rsa
              logsroot: ./state/../logs
              artifactsroot: artifacts-link
              blocksroot: blocks
            kubeconfig:
              filename: artifacts/secrets/kubeconfig.yml
            extramounts:
              - /etc/ssl/certs:/etc/ssl/certs:ro
            """);

        var result = await workspace.LoadAsync(strict: true);

        Assert.Equal("artifacts-link", result.Workspace.Settings.ArtifactsRoot);
        Assert.Equal("/etc/ssl/certs", Assert.Single(result.Workspace.ExtraMounts).HostPath);
    }
}
