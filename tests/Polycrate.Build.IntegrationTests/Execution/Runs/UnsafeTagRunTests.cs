using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Secrets.Runs;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// Issue 12 item 4, against the real toolchain container: a value tagged <c>!unsafe</c> in block.poly reaches the
/// playbook as the literal string. Formerly the tag was dropped and Ansible templated the value, running the command
/// in <c>lookup('pipe', …)</c>.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class UnsafeTagRunTests(DockerEngineFixture engine) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-unsafe-run-").FullName;

    [Theory]
    [BothStepContainers]
    public async Task An_unsafe_value_arrives_untemplated_and_a_normal_one_is_still_templated(StepContainers mode)
    {
        Directory.CreateDirectory(Path.Combine(_root, "blocks", "app"));
        await File.WriteAllTextAsync(Path.Combine(_root, "workspace.poly"), $"""
            name: unsafe-run
            config:
              container:
                image: {DockerEngineFixture.ToolchainImage}
            """);
        await File.WriteAllTextAsync(Path.Combine(_root, "blocks", "app", "block.poly"), """
            name: app
            config:
              literal: !unsafe "{{ lookup('pipe','touch /workspace/pwned; id') }}"
              listed: !unsafe
                - "{{ lookup('pipe','touch /workspace/pwned-too') }}"
              templated: "{{ 6 * 7 }}"
            actions: [{name: show, playbook: show.yml}]
            """);
        await File.WriteAllTextAsync(Path.Combine(_root, "blocks", "app", "show.yml"), """
            - hosts: localhost
              connection: local
              gather_facts: false
              tasks:
                - name: show what arrived
                  ansible.builtin.debug:
                    msg: "literal=[{{ block.config.literal }}] listed=[{{ block.config.listed[0] }}] templated=[{{ block.config.templated }}]"
            """);

        var observer = new RecordingObserver();
        var report = await new PolycrateEngine(NullLoggerFactory.Instance)
            .RunActionAsync(mode.Apply(new RunOptions { WorkspaceDirectory = _root }), "app", "show", observer, CancellationToken.None);

        Assert.True(report.Summary.Succeeded, observer.Text);
        Assert.Contains("literal=[{{ lookup('pipe','touch /workspace/pwned; id') }}]", observer.Text, StringComparison.Ordinal);
        Assert.Contains("listed=[{{ lookup('pipe','touch /workspace/pwned-too') }}]", observer.Text, StringComparison.Ordinal);
        Assert.Contains("templated=[42]", observer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("uid=", observer.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "pwned")), "the command in the unsafe value ran");
        Assert.False(File.Exists(Path.Combine(_root, "pwned-too")), "the command in the unsafe list ran");
        _ = engine;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
