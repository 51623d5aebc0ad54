using Polycrate.Build.Model;
using Polycrate.Build.Secrets;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

public sealed class SecretRedactorTests : IDisposable
{
    private readonly TempWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public void Masks_known_values_longest_first_and_ignores_short_ones()
    {
        var redactor = new SecretRedactor(["hunter22", "hunter22-extended", "abc"]);

        Assert.Equal($"pw={SecretNames.Mask} long={SecretNames.Mask} abc", redactor.Redact("pw=hunter22 long=hunter22-extended abc"));
        Assert.Equal("nothing here", SecretRedactor.None.Redact("nothing here"));
    }

    [Fact]
    public async Task Collects_secret_config_env_and_single_line_secret_files()
    {
        ws.Write("token", "tok-0123456789\n");
        ws.Write("kubeconfig.yml", "apiVersion: v1\nkind: Config\n");
        var workspace = ws.Model with
        {
            Globals = ConfigMap.Of(("db_password", ConfigScalar.String("pg-pass-1"))),
            ExtraEnv = [new EnvironmentEntry("API_TOKEN", "env-token-9"), new EnvironmentEntry("HOME_DIR", "/root/home")],
        };
        var block = new Block
        {
            Name = "b",
            Location = ws.Model.Location,
            Config = ConfigMap.Of(
                ("nested", ConfigMap.Of(("client_secret", ConfigScalar.String("nested-secret")))),
                ("bucket", ConfigScalar.String("bucket-name")),
                ("rclone_blob", ConfigScalar.String("listed-value")),
                ("enable_token", ConfigScalar.Bool(true)),
                (SecretRedactor.SecretKeysKey, new ConfigList([ConfigScalar.String("rclone_blob")]))),
        };
        var action = new BlockAction { Name = "a", Script = ["true"], Location = ws.Model.Location };
        var run = Directory.CreateTempSubdirectory("pcb-redact-").FullName;
        try
        {
            await using var secrets = await new SecretsProvisioner().ProvisionAsync(workspace, ws.Identity, run, default);
            var redactor = await SecretRedactor.ForRunAsync(workspace, block, action, secrets, default);

            var output = redactor.Redact("pg-pass-1 env-token-9 nested-secret listed-value tok-0123456789 bucket-name /root/home apiVersion: v1 true");

            Assert.Equal(string.Join(' ', Enumerable.Repeat(SecretNames.Mask, 5)) + " bucket-name /root/home apiVersion: v1 true", output);
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }
}
