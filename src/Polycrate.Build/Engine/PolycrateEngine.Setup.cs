using System.Text.RegularExpressions;
using Polycrate.Build.Loading;
using Polycrate.Build.Secrets;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Engine;

/// <summary>Use cases that create a workspace or its keys: <c>workspace init</c>, <c>workspace keygen</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Use cases are instance methods of the façade, whatever they need today.")]
public sealed partial class PolycrateEngine
{
    /// <summary>
    /// <c>workspace init</c>: workspace.poly (name, organization, toolchain image; it loads as written, unlike the 2025 tool's,
    /// reference §15), blocks/ and artifacts/secrets/, and with <see cref="WorkspaceInitOptions.SshKeys"/> an ed25519 key pair.
    /// </summary>
    /// <returns>The created files, or the refused input (<see cref="WorkspaceInitResult.Problem"/>; nothing was written).</returns>
    /// <exception cref="IOException">The directory or a file cannot be written (front ends map it with <see cref="Diagnostics.FileSystemException.From"/>).</exception>
    public async Task<WorkspaceInitResult> InitWorkspaceAsync(WorkspaceInitOptions options, CancellationToken cancellationToken)
    {
        var root = options.Directory;
        var file = Path.Combine(root, WorkspaceLoader.WorkspaceFileName);
        var name = options.Name ?? Sanitize(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
        var problem = File.Exists(file) ? new WorkspaceInitProblem(WorkspaceInitInput.WorkspaceFile, file, "workspace.poly must not exist yet")
            : !Names.IsValidName(name) ? new WorkspaceInitProblem(WorkspaceInitInput.Name, name, Names.NameRule)
            : !Names.IsValidName(options.Organization) ? new WorkspaceInitProblem(WorkspaceInitInput.Organization, options.Organization, Names.NameRule)
            : options.Image.Length == 0 || options.Image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'')
                ? new WorkspaceInitProblem(WorkspaceInitInput.Image, options.Image, "an image reference without whitespace or quotes")
            : null;
        if (problem is not null)
        {
            return new WorkspaceInitResult(file, null, problem);
        }

        Directory.CreateDirectory(Path.Combine(root, "blocks"));
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "secrets"));
        var content = $"""
            # Polycrate workspace; the format is described in the polycrate-build README ("Workspace format").
            name: {name}
            organization: {options.Organization}

            config:
              container:
                # Every action runs in this image. polycrate-toolchain:bookworm-2 is built by eng/build-toolchain-image.sh.
                image: {options.Image}

            # A block: blocks/<name>/block.poly with its actions; run one with 'polycrate-build run <block> <action>'.
            blocks: []

            workflows: []

            """;
        await File.WriteAllTextAsync(file, content, cancellationToken);
        string? key = null;
        if (options.SshKeys)
        {
            key = Path.Combine(root, "artifacts", "secrets", "id_ed25519");
            await SshKeyPairWriter.WriteAsync(key, $"polycrate@{name}", cancellationToken);
        }

        return new WorkspaceInitResult(file, key, null);
    }

    /// <summary><c>workspace keygen</c>: a new age identity, written to <paramref name="identityFile"/> (0600, never overwritten) or returned as text.</summary>
    /// <param name="identityFile">Absolute path for the identity; null returns it in <see cref="KeygenResult.IdentityText"/>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="IOException">The file exists already or cannot be written.</exception>
    public async Task<KeygenResult> GenerateKeyAsync(string? identityFile, CancellationToken cancellationToken)
    {
        var identity = X25519Identity.Generate();
        var created = DateTimeOffset.UtcNow;
        if (identityFile is null)
        {
            return new KeygenResult(identity.Recipient.ToString(), IdentityFile.Render(identity, created), null);
        }

        await IdentityFile.WriteAsync(identityFile, identity, created, cancellationToken);
        return new KeygenResult(identity.Recipient.ToString(), null, identityFile);
    }

    /// <summary>
    /// Adds a public key (<c>age1…</c>) with a <c># comment</c> line to the workspace's <c>.age-recipients</c> (created if
    /// missing; a key already listed is not added twice). Existing secrets are readable by the new key only after a rekey.
    /// </summary>
    /// <exception cref="AgeException"><paramref name="recipient"/> is not an age X25519 public key (invalid key).</exception>
    public async Task<RecipientAddResult> AddRecipientAsync(string workspaceDirectory, string recipient, string comment, CancellationToken cancellationToken)
    {
        var path = RecipientsFile.DefaultPath(workspaceDirectory);
        var existed = File.Exists(path);
        await RecipientsFile.AppendAsync(path, X25519Recipient.Parse(recipient), comment, cancellationToken);
        return new RecipientAddResult(path, !existed);
    }

    private static string Sanitize(string directoryName)
    {
        var cleaned = InvalidNameCharacters().Replace(directoryName, "-").Trim('-', '.', '_');
        return cleaned.Length == 0 ? "workspace" : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex InvalidNameCharacters();
}
