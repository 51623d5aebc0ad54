namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// A workspace whose actions are shell scripts, for real runs with the host runtime (no container needed):
/// each action appends its name to order.txt, so tests see what ran in which order.
/// </summary>
internal static class ScriptWorkspace
{
    /// <summary>Workflow <c>release</c>: steps build → test → publish; action <c>tools fail</c> exits with 3.</summary>
    public static TestWorkspace Create()
    {
        var workspace = TestWorkspace.Empty();
        workspace.Write("workspace.poly", """
            name: frontend-tests
            blocks:
              - name: tools
            workflows:
              - name: release
                description: "build, test, publish"
                steps:
                  - name: build
                    block: tools
                    action: build
                  - name: test
                    block: tools
                    action: test
                  - name: publish
                    block: tools
                    action: publish
              - name: broken
                steps:
                  - name: prepare
                    block: tools
                    action: build
                  - name: explode
                    block: tools
                    action: fail
            """);
        workspace.Write("blocks/tools/block.poly", """
            name: tools
            version: 0.1.0
            kind: generic
            actions:
              - name: build
                script:
                  - echo build >> "$POLYCRATE_WORKSPACE/order.txt"
              - name: test
                script:
                  - echo test >> "$POLYCRATE_WORKSPACE/order.txt"
              - name: publish
                script:
                  - echo publish >> "$POLYCRATE_WORKSPACE/order.txt"
              - name: fail
                script:
                  - echo "disk quota exceeded on /srv/releases" >&2
                  - exit 3
            """);
        return workspace;
    }

    public static IReadOnlyList<string> Order(TestWorkspace workspace) =>
        File.Exists(workspace.PathOf("order.txt")) ? File.ReadAllLines(workspace.PathOf("order.txt")) : [];
}
