using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// Puts a <see cref="PreparedAction"/> on disk just before it starts: the workspace directories it needs, and its
/// private files (0600, in 0700 directories under the run directory). <see cref="Remove"/> deletes those files again.
/// </summary>
internal static class PreparedActionWriter
{
    /// <summary>Writes everything; <paramref name="runDirectory"/> is the private directory the files live under.</summary>
    public static async Task WriteAsync(PreparedAction prepared, string runDirectory, CancellationToken cancellationToken)
    {
        foreach (var directory in prepared.Directories)
        {
            Directory.CreateDirectory(directory);
        }

        foreach (var file in prepared.Files)
        {
            PrivateDirectory.Create(runDirectory, Path.GetDirectoryName(file.HostPath)!);
            if (file.Yaml is { } yaml)
            {
                await OwnerOnlyFile.WriteAsync(file.HostPath, yaml.WriteToAsync, cancellationToken);
                continue;
            }

            var content = file.CopyFrom is { } source
                ? await File.ReadAllBytesAsync(source, cancellationToken)
                : System.Text.Encoding.UTF8.GetBytes(file.Content ?? string.Empty);
            await OwnerOnlyFile.WriteAsync(file.HostPath, content, cancellationToken);
        }
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
