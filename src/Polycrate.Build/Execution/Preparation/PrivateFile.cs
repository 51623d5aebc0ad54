namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// A file an action run needs in its private run directory (0600), written before the action starts: either
/// <see cref="Content"/>, rendered YAML (<see cref="Yaml"/>: the snapshot, whose shared sections are written from the
/// run's cache without building a string per step), or a copy of <see cref="CopyFrom"/> (the SSH key, whatever its mode on disk).
/// </summary>
internal sealed record PrivateFile(string HostPath, string? Content = null, string? CopyFrom = null, Serialization.YamlText? Yaml = null)
{
    /// <summary>The text this file gets (<see cref="Content"/> or <see cref="Yaml"/>); null for a copy.</summary>
    public string? Text => Content ?? Yaml?.ToString();
}
