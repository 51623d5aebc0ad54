using Polycrate.Build.Engine;
using Polycrate.Build.IntegrationTests.Execution.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.IntegrationTests.Secrets.Runs;

/// <summary>
/// A playbook reads a secret that exists in the workspace only as <c>.age</c>: it is decrypted for the run outside the
/// workspace, reachable through <c>workspace.secrets</c>, and its value never shows in output, run log or workspace.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class RunWithEncryptedSecretTests(DockerEngineFixture engine) : IDisposable
{
    private const string SecretValue = "s3cr3t-token-4711-do-not-print";
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-secret-run-").FullName;

    [Theory]
    [BothStepContainers]
    public async Task Playbook_reads_the_decrypted_secret_and_the_value_is_redacted_everywhere(StepContainers mode)
    {
        var identity = X25519Identity.Generate();
        Directory.CreateDirectory(Path.Combine(_root, "artifacts", "secrets", "app"));
        var plaintext = Path.Combine(_root, "artifacts", "secrets", "app", "token");
        await File.WriteAllTextAsync(plaintext, SecretValue + "\n");
        await AgeFile.EncryptToFileAsync(plaintext, plaintext + ".age", [identity.Recipient], AgeEncryptOptions.Default, CancellationToken.None);
        File.Delete(plaintext);
        Directory.CreateDirectory(Path.Combine(_root, "blocks", "app"));
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), $"""
            name: secret-run
            config:
              container:
                image: {DockerEngineFixture.ToolchainImage}
            """);
        await File.WriteAllTextAsync(Path.Combine(_root, "blocks", "app", "block.poly"), "name: app\nactions: [{name: use, playbook: use.yml}]\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "blocks", "app", "use.yml"), """
            - hosts: localhost
              connection: local
              gather_facts: false
              tasks:
                - name: the secret is a file the action can read
                  ansible.builtin.assert:
                    that:
                      - lookup('file', workspace.secrets['app/token']) | length == 30
                - name: a careless playbook prints it
                  ansible.builtin.debug:
                    msg: "token is {{ lookup('file', workspace.secrets['app/token']) }}"
            """);

        var observer = new RecordingObserver();
        var runner = new PolycrateEngine(NullLoggerFactory.Instance,
            getEnvironmentVariable: name => name == "WORKSPACE_ENCRYPTION_KEY" ? identity.ToSecretString() : Environment.GetEnvironmentVariable(name));
        var report = await runner.RunActionAsync(mode.Apply(new RunOptions { WorkspaceDirectory = _root }), "app", "use", observer, CancellationToken.None);

        Assert.True(report.Summary.Succeeded, observer.Text);
        Assert.Contains("token is ********", observer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, observer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, await File.ReadAllTextAsync(report.LogPath!), StringComparison.Ordinal);
        Assert.False(File.Exists(plaintext), "the decrypted secret must not be left in the workspace");
        Assert.False(Directory.Exists(Path.Combine(PrivateRunRoot.Path, report.TransactionId)), "the run directory must be removed");
        _ = engine;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
