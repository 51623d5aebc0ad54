using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Serialization;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 12 item 4: merge keys and Ansible's tags keep their meaning.</summary>
public sealed class MergeKeyAndTagTests
{
    [Fact]
    public async Task Merge_keys_apply_with_explicit_keys_winning_and_positions_kept()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                config:
                  base: &base
                    port: 80
                    host: a.example
                    tls: false
                  extra: &extra
                    tls: true
                    region: eu
                  site:
                    port: 8080
                    <<: [*base, *extra]
                    name: site
                actions: [{name: run, script: [echo]}]
            """);

        var result = await workspace.LoadAsync(strict: true);

        var site = (ConfigMap)result.Workspace.FindBlock("app")!.Config["site"]!;
        Assert.Equal(["port", "host", "tls", "region", "name"], site.Entries.Select(e => e.Key));
        Assert.Equal("8080", site["port"]!.ToString()); // explicit key wins
        Assert.Equal("false", site["tls"]!.ToString()); // the earlier merged mapping wins
        Assert.Equal("eu", site["region"]!.ToString());
        Assert.False(site.ContainsKey("<<"));
    }

    [Fact]
    public async Task A_merge_key_works_for_structural_keys_too()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - &defaults
                name: template
                actions: [{name: run, script: [echo hi]}]
              - <<: *defaults
                name: copy
            """);

        var result = await workspace.LoadAsync(strict: true);

        Assert.Equal("run", Assert.Single(result.Workspace.FindBlock("copy")!.Actions).Name);
    }

    [Fact]
    public void A_merge_key_on_a_scalar_is_an_error_at_its_position_and_a_quoted_key_stays_literal()
    {
        var diagnostics = new DiagnosticBag();

        var file = YamlFile.Parse("/w/x.poly", "a:\n  <<: just text\nb:\n  \"<<\": literal\n", diagnostics);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.MergeKey, error.Code);
        Assert.Equal(new SourceLocation("/w/x.poly", 2, 7), error.Location);
        var root = (ConfigMap)ConfigValueReader.Read(file.Root!, file, diagnostics);
        Assert.Equal(0, ((ConfigMap)root["a"]!).Count);
        Assert.Equal("literal", ((ConfigMap)root["b"]!)["<<"]!.ToString());
    }

    [Fact]
    public async Task Unsafe_and_vault_tags_reach_the_snapshot_yaml()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                config:
                  literal: !unsafe "{{ lookup('pipe','id') }}"
                  secret: !vault |
                    $ANSIBLE_VAULT;1.1;AES256
                    6162636465
                  templates: !unsafe
                    - "{{ a }}"
                    - 3
                  normal: "{{ templated }}"
                actions: [{name: run, script: [echo]}]
            """);

        var config = (await workspace.LoadAsync(strict: true)).Workspace.FindBlock("app")!.Config;
        var yaml = ConfigYamlWriter.Write(config);

        Assert.Equal("!unsafe", ((ConfigScalar)config["literal"]!).Tag);
        Assert.Contains("literal: !unsafe \"{{ lookup('pipe','id') }}\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("secret: !vault \"$ANSIBLE_VAULT;1.1;AES256\\n6162636465\\n\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - !unsafe \"{{ a }}\"\n  - 3\n", yaml, StringComparison.Ordinal);
        Assert.Contains("normal: \"{{ templated }}\"\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_local_tag_is_not_dropped_silently()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nconfig:\n  globals:\n    x: !custom value\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains("'!custom'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Location.Line);
    }
}
