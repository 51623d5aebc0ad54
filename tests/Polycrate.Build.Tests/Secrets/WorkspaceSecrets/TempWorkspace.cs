using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

/// <summary>A workspace in a temporary directory with a key; deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("pcb-secrets-").FullName;
        Directory.CreateDirectory(SecretsDirectory);
        Model = new Model.Workspace
        {
            Name = "test",
            RootPath = Root,
            Settings = new WorkspaceSettings(),
            Location = new SourceLocation(Path.Combine(Root, "workspace.poly"), 1, 1),
        };
    }

    public string Root { get; }

    public Model.Workspace Model { get; }

    public X25519Identity Key { get; } = X25519Identity.Generate();

    public IdentitySource Identity => new(null, Key.ToSecretString());

    public string SecretsDirectory => Path.Combine(Root, "artifacts", "secrets");

    public string Secret(string name) => Path.Combine(SecretsDirectory, name);

    public string Write(string name, string content)
    {
        var path = Secret(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Every file below the workspace root with its bytes, to show a command changed nothing.</summary>
    public Dictionary<string, string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToBase64String(File.ReadAllBytes(f)));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
