using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Polycrate's secrets.poly (issue 9.7): merged over workspace.poly, encrypted with the workspace, every value secret.</summary>
public sealed class SecretsPolyTests : IDisposable
{
    private const string WorkspacePoly = """
        name: ws
        blocks:
          - name: aks
            config:
              region: westeurope
              enabled: true
              serviceprincipal: {id: SP_ID, secret: PLACEHOLDER}
            actions: [{name: show, script: [true]}]
        """;

    private const string SecretsPoly = """
        blocks:
          - name: aks
            config:
              enabled: false
              admin_user: bobby-the-admin
              serviceprincipal: {secret: REAL-SP-SECRET-VALUE}
        """;

    private readonly TempWorkspace _workspace = new();
    private readonly X25519Identity _key = X25519Identity.Generate();

    public SecretsPolyTests()
    {
        _workspace.Write("workspace.poly", WorkspacePoly).Write("secrets.poly", SecretsPoly);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_entry_for_a_block_the_workspace_does_not_have_is_a_warning_at_it_with_a_did_you_mean()
    {
        // Before: silently a config-only block; the secret reached no action and nothing said so.
        _workspace.Write("blocks/postgres/block.poly", "name: postgres\nactions: [{name: show, script: [true]}]\n");
        _workspace.Write("secrets.poly", SecretsPoly + "\n  - name: postgress\n    config: {password: TYPO-SECRET}\n");

        var warnings = (await _workspace.LoadAsync()).Warnings;

        var warning = Assert.Single(warnings, w => w.Code == DiagnosticCodes.SecretsForUnknownBlock);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.EndsWith("secrets.poly", warning.Location.File, StringComparison.Ordinal);
        Assert.Contains("'postgress'", warning.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'postgres'?", warning.Hint);
        Assert.DoesNotContain("TYPO-SECRET", warning.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, w => w.Message.Contains("'aks'", StringComparison.Ordinal));
    }

    private Dictionary<string, string> KeyVariable => new() { [IdentitySource.EnvironmentVariable] = _key.ToSecretString() };

    private static void AssertMerged(Block aks)
    {
        Assert.Equal(ConfigScalar.Bool(false), aks.Config["enabled"]);
        Assert.Equal("westeurope", aks.Config["region"]!.ToString());
        Assert.Equal("bobby-the-admin", aks.Config["admin_user"]!.ToString());
        var principal = (ConfigMap)aks.Config["serviceprincipal"]!;
        Assert.Equal("SP_ID", principal["id"]!.ToString());
        Assert.Equal("REAL-SP-SECRET-VALUE", principal["secret"]!.ToString());
    }

    [Fact]
    public async Task Its_config_is_merged_over_the_workspace_entry_and_the_action_gets_the_real_values()
    {
        var aks = (await _workspace.LoadAsync()).Workspace.FindBlock("aks")!;

        AssertMerged(aks);
    }

    [Fact]
    public async Task Every_value_from_it_is_masked_for_people_and_redacted_from_output()
    {
        var workspace = (await _workspace.LoadAsync()).Workspace;
        var aks = workspace.FindBlock("aks")!;

        var shown = (ConfigMap)ModelProjection.Block(aks, new PathMapper(workspace, onHost: false))["config"]!;
        Assert.Equal(SecretNames.Mask, shown["admin_user"]!.ToString());
        Assert.Equal(SecretNames.Mask, shown["enabled"]!.ToString());
        Assert.Equal(SecretNames.Mask, ((ConfigMap)shown["serviceprincipal"]!)["secret"]!.ToString());
        Assert.Equal("westeurope", shown["region"]!.ToString());
        Assert.Equal("SP_ID", ((ConfigMap)shown["serviceprincipal"]!)["id"]!.ToString());

        var redactor = await SecretRedactor.ForRunAsync(workspace, aks, aks.Actions[0], secrets: null, default);
        Assert.Equal($"login {SecretNames.Mask}:{SecretNames.Mask} in westeurope", redactor.Redact("login bobby-the-admin:REAL-SP-SECRET-VALUE in westeurope"));
    }

    [Fact]
    public async Task Workspace_encrypt_turns_it_into_secrets_poly_age_which_loads_in_memory_with_the_key()
    {
        var workspace = (await _workspace.LoadAsync()).Workspace;
        var identity = new IdentitySource(null, _key.ToSecretString());
        await new WorkspaceEncryptor().EncryptAsync(workspace, new WorkspaceEncryptOptions(identity, KeepPlaintext: false), default);

        Assert.False(File.Exists(_workspace.PathOf("secrets.poly")));
        Assert.True(File.Exists(_workspace.PathOf("secrets.poly.age")));
        Assert.Contains("/secrets.poly", File.ReadAllText(_workspace.PathOf(".gitignore")), StringComparison.Ordinal);
        var before = Directory.GetFiles(_workspace.Root, "*", SearchOption.AllDirectories).Order().ToList();

        var loaded = await _workspace.LoadAsync(environment: KeyVariable);

        AssertMerged(loaded.Workspace.FindBlock("aks")!);
        Assert.Empty(loaded.Warnings);
        Assert.Equal(before, Directory.GetFiles(_workspace.Root, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task Without_a_key_the_encrypted_file_is_a_warning_not_silence()
    {
        var workspace = (await _workspace.LoadAsync()).Workspace;
        await new WorkspaceEncryptor().EncryptAsync(workspace, new WorkspaceEncryptOptions(new IdentitySource(null, _key.ToSecretString())), default);

        var loaded = await _workspace.LoadAsync();

        var warning = Assert.Single(loaded.Warnings);
        Assert.Equal(DiagnosticCodes.SecretsFileLocked, warning.Code);
        Assert.Contains(IdentitySource.EnvironmentVariable, warning.Hint, StringComparison.Ordinal);
        Assert.Equal("PLACEHOLDER", ((ConfigMap)loaded.Workspace.FindBlock("aks")!.Config["serviceprincipal"]!)["secret"]!.ToString());
    }

    [Fact]
    public async Task Status_lists_it_among_the_secrets()
    {
        var workspace = (await _workspace.LoadAsync()).Workspace;

        var secret = Assert.Single(SecretDiscovery.Discover(workspace));

        Assert.Equal(SecretDiscovery.SecretsFileName, secret.Name);
        Assert.Equal(_workspace.PathOf("secrets.poly"), secret.PlaintextPath);
    }
}
