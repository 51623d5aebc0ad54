using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Ansible;
using Polycrate.Build.Tests.Support;
using Polycrate.Build.Text;

namespace Polycrate.Build.Tests.Integrations;

/// <summary>ansible-playbook pass-through: argument order, private extra-vars files, masking for the run log, missing files.</summary>
public sealed class AnsiblePassThroughTests
{
    private const string Workspace = """
        name: ws
        blocks:
          - name: app
            actions:
              - {name: deploy, playbook: deploy.yml}
              - {name: shell, script: [ansible-playbook x.yml]}
        """;

    [Fact]
    public void Key_value_extra_vars_become_a_mapping_of_strings_and_json_stays_as_given()
    {
        Assert.Equal(["a=x y", "b=2", "c="], ShellWords.Split("a='x y'  b=2 \"c=\""));
        var content = ExtraVarsFile.Content("region=eu-1 note='two words'");
        Assert.Contains("region: eu-1", content, StringComparison.Ordinal);
        Assert.Contains("note: two words", content, StringComparison.Ordinal);
        Assert.Equal("{\"n\": 1}\n", ExtraVarsFile.Content(" {\"n\": 1}"));
        var error = Assert.Throws<ActionException>(() => ExtraVarsFile.Content("lonely"));
        Assert.Equal(AnsiblePassThroughErrors.InvalidCode, error.Code);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void The_log_section_masks_secret_looking_values_and_inline_mappings()
    {
        var options = new AnsiblePassThrough
        {
            Limit = "db01",
            Check = true,
            ExtraVars = ["db_password=hunter2-x region=eu", "{\"api_token\": \"abc-123456\"}", "@/tmp/vars.yml"],
        };

        var text = Serialization.ConfigYamlWriter.Write(options.ToLogSection());

        Assert.Contains("limit: db01", text, StringComparison.Ordinal);
        Assert.Contains("check: true", text, StringComparison.Ordinal);
        Assert.Contains("region=eu", text, StringComparison.Ordinal);
        Assert.Contains("@/tmp/vars.yml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc-123456", text, StringComparison.Ordinal);
        Assert.True(AnsiblePassThrough.None.IsEmpty);
        Assert.False(options.IsEmpty);
    }

    [Fact]
    public async Task Playbooks_get_arguments_after_the_snapshot_and_scripts_only_the_ansible_variables()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        workspace.Write("blocks/app/deploy.yml", "[]\n");
        workspace.Write("vault.txt", "pw\n");
        var ws = (await workspace.LoadAsync()).Workspace;
        var block = ws.FindBlock("app")!;
        var options = new AnsiblePassThrough
        {
            Limit = "web_servers", Tags = "a,b", SkipTags = "slow", Diff = true, Check = true,
            ExtraVars = ["db_password=hunter2-x"], VaultPasswordFile = "vault.txt",
        };
        var runDirectory = Directory.CreateTempSubdirectory("pcb-pass-").FullName;
        try
        {
            ActionContext Context(string action) => new()
            {
                Workspace = ws, Block = block, Action = block.Actions.Single(a => a.Name == action), TransactionId = "t",
            };

            var playbook = await AnsibleInvocation.PrepareAsync(options, Context("deploy"), runDirectory, new Dictionary<string, string>(), CancellationToken.None);
            var command = ActionCommand.For(Context("deploy").Action, "/run/polycrate/snapshot.yml", playbook.Arguments);

            Assert.Equal(["ansible-playbook", "-e", "@/run/polycrate/snapshot.yml", "-e", "@/run/polycrate/extra-vars-0.yml", "--limit", "web_servers",
                "--tags", "a,b", "--skip-tags", "slow", "--check", "--diff", "--vault-password-file", "/run/polycrate/vault-password-file", "deploy.yml"], command);
            Assert.DoesNotContain(command, a => a.Contains("hunter2", StringComparison.Ordinal));
            var varsFile = Path.Combine(runDirectory, "extra-vars-0.yml");
            Assert.Contains("db_password: hunter2-x", await File.ReadAllTextAsync(varsFile), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(varsFile));
            }

            Assert.Contains(playbook.Mounts, m => m.HostPath == workspace.PathOf("vault.txt") && m.ContainerPath == "/run/polycrate/vault-password-file" && m.ReadOnly);

            var script = await AnsibleInvocation.PrepareAsync(options, Context("shell"), runDirectory, new Dictionary<string, string>(), CancellationToken.None);
            Assert.Empty(script.Arguments);
            Assert.DoesNotContain(script.Mounts, m => m.ContainerPath.Contains("extra-vars", StringComparison.Ordinal));
            Assert.Equal(["ANSIBLE_RUN_TAGS=a,b", "ANSIBLE_SKIP_TAGS=slow", "ANSIBLE_DIFF_ALWAYS=True", "ANSIBLE_VAULT_PASSWORD_FILE=/run/polycrate/vault-password-file"],
                script.Environment.Select(e => $"{e.Name}={e.Value}"));

            var missing = await Assert.ThrowsAsync<ActionException>(() => AnsibleInvocation.PrepareAsync(options with { VaultPasswordFile = "nope.txt", ExtraVars = [] },
                Context("deploy"), runDirectory, new Dictionary<string, string>(), CancellationToken.None));
            Assert.Equal(AnsiblePassThroughErrors.FileMissingCode, missing.Code);
            Assert.Equal(2, missing.ExitCode);
        }
        finally
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }
}
