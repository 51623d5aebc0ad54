using Polycrate.Build.IntegrationTests.Execution.Runs;

namespace Polycrate.Build.IntegrationTests.Execution.WarmStart;

/// <summary>
/// What the zygote preloads after its first fork (docs/execution.md, "Warm Ansible start"): library modules only, never a
/// plugin, so a playbook-adjacent plugin with a builtin's name (a callback <c>junit</c> that needs no enabling, a cache
/// plugin <c>memory</c>, which importing ansible.plugins.inventory would resolve) is what a warm step uses, as a cold one does;
/// and the ssh probe's cached answer is given only while the ssh binary is unchanged.
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class WarmPreloadRunTests : IDisposable
{
    private const string AdjacentCallback = """
        from ansible.plugins.callback import CallbackBase

        DOCUMENTATION = '''
            name: junit
            type: notification
            short_description: the playbook's own callback, named like a builtin one
            description: prints a marker per play and one line per task result
        '''


        class CallbackModule(CallbackBase):
            CALLBACK_VERSION = 2.0
            CALLBACK_TYPE = 'notification'
            CALLBACK_NAME = 'junit'
            CALLBACK_NEEDS_ENABLED = False

            def v2_playbook_on_play_start(self, play):
                self._display.display("adjacent junit callback")

            def v2_runner_on_ok(self, result):
                self._display.display("adjacent ok: %s" % result._host.get_name())
        """;

    private const string AdjacentCache = """
        import sys

        from ansible.plugins.cache import BaseCacheModule

        DOCUMENTATION = '''
            name: memory
            short_description: the playbook's own memory cache
            description: a dict, announcing itself when created
        '''


        class CacheModule(BaseCacheModule):
            def __init__(self, *args, **kwargs):
                sys.stdout.write("adjacent memory cache\n")
                self._cache = {}

            def get(self, key):
                return self._cache.get(key)

            def set(self, key, value):
                self._cache[key] = value

            def keys(self):
                return self._cache.keys()

            def contains(self, key):
                return key in self._cache

            def delete(self, key):
                del self._cache[key]

            def flush(self):
                self._cache = {}

            def copy(self):
                return self._cache.copy()

            def __getstate__(self):
                return self.copy()

            def __setstate__(self, data):
                self._cache = data
        """;

    private readonly TestWorkspace _workspace = Create();

    private static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Create("""
            workflows:
              - name: adjacent
                steps:
                  - {name: one, block: own, action: play}
                  - {name: two, block: own, action: play}
                  - {name: three, block: own, action: play}
              - name: ssh
                steps:
                  - {name: one, block: plays, action: hello}
                  - {name: two, block: plays, action: touchssh}
                  - {name: three, block: plays, action: hello}
            """);
        workspace.Write("blocks/own/block.poly", "name: own\nactions:\n  - {name: play, playbook: play.yml}\n");
        workspace.Write("blocks/own/play.yml", Play("debug: {msg: hello}"));
        workspace.Write("blocks/own/callback_plugins/junit.py", AdjacentCallback);
        workspace.Write("blocks/own/cache_plugins/memory.py", AdjacentCache);
        workspace.Write("blocks/plays/block.poly", "name: plays\nactions:\n  - {name: hello, playbook: hello.yml}\n  - {name: touchssh, playbook: touchssh.yml}\n");
        workspace.Write("blocks/plays/hello.yml", Play("debug: {msg: hello}"));
        workspace.Write("blocks/plays/touchssh.yml", Play("""shell: "touch $(command -v ssh)" """));
        return workspace;
    }

    private static string Play(string task) => $"- hosts: localhost\n  gather_facts: false\n  tasks:\n    - {task}\n";

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    [Fact]
    public async Task Playbook_adjacent_plugins_named_like_builtins_win_in_warm_steps_as_in_cold_ones()
    {
        var warm = await _workspace.RunAsync("workflows", "run", "adjacent", "-v");
        var cold = await _workspace.RunAsync(StepContainers.Isolated, "workflows", "run", "adjacent");

        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.True(Count(warm.Stderr, "warm Ansible start") == 3, warm.ToString());
        Assert.True(Count(cold.Stdout, "adjacent junit callback") == 3, cold.ToString());
        Assert.True(Count(cold.Stdout, "adjacent memory cache") >= 3, cold.ToString());
        foreach (var marker in new[] { "adjacent junit callback", "adjacent ok: localhost", "adjacent memory cache", "PLAY [" })
        {
            Assert.True(Count(warm.Stdout, marker) == Count(cold.Stdout, marker), $"'{marker}' warm vs cold:\n{warm}\n{cold}");
        }
    }

    [Fact]
    public async Task A_step_after_one_that_changed_the_ssh_binary_runs_cold()
    {
        var run = await _workspace.RunAsync("workflows", "run", "ssh", "-v");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(Count(run.Stderr, "warm Ansible start") == 2, run.ToString());
        Assert.True(Count(run.Stderr, "Ansible started cold") == 1, run.ToString());
    }

    public void Dispose() => _workspace.Dispose();
}
