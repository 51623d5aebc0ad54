using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// Puts a <see cref="PreparedAction"/> on disk just before it starts: the workspace directories it needs, and its
/// private files (0600, in 0700 directories under the run directory). <see cref="Remove"/> deletes those files again.
/// </summary>
internal static class PreparedActionWriter
{
    /// <summary>
    /// Writes everything; <paramref name="runDirectory"/> is the private directory the files live under. The files are
    /// independent, so they are written at the same time, each to its end; the failure reported is that of the first
    /// failing file in the prepared order (the same error whichever write finished first).
    /// </summary>
    public static async Task WriteAsync(PreparedAction prepared, string runDirectory, CancellationToken cancellationToken)
    {
        foreach (var directory in prepared.Directories)
        {
            Directory.CreateDirectory(directory);
        }

        foreach (var file in prepared.Files)
        {
            PrivateDirectory.Create(runDirectory, Path.GetDirectoryName(file.HostPath)!);
        }

        // Each write finishes or fails on its own (small local files: cancelling the others on a failure saved nothing
        // and made which error is reported depend on timing); the error reported is the first failing file's in order.
        var writes = prepared.Files.Select(file => WriteOneAsync(file, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(writes);
        }
        catch when (writes.FirstOrDefault(w => w.IsFaulted) is { } first)
        {
            await first;
        }
    }

    private static async Task WriteOneAsync(PrivateFile file, CancellationToken cancellationToken)
    {
        // Off the caller's thread at once: the snapshot's YAML serialisation is CPU work the other files need not wait for.
        await Task.Yield();
        if (file.Yaml is { } yaml)
        {
            await OwnerOnlyFile.WriteAsync(file.HostPath, yaml.WriteToAsync, cancellationToken);
            return;
        }

        var content = file.CopyFrom is { } source
            ? await File.ReadAllBytesAsync(source, cancellationToken)
            : System.Text.Encoding.UTF8.GetBytes(file.Content ?? string.Empty);
        await OwnerOnlyFile.WriteAsync(file.HostPath, content, cancellationToken);
    }

    /// <summary>Deletes the private files (the run directory itself is removed when the run ends).</summary>
    public static void Remove(PreparedAction prepared)
    {
        foreach (var file in prepared.Files)
        {
            File.Delete(file.HostPath);
        }
    }
}
