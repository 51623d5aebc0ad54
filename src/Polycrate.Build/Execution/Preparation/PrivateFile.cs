namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// A file an action run needs in its private run directory (0600), written before the action starts: either
/// <see cref="Content"/> or a copy of <see cref="CopyFrom"/> (the SSH key, whatever its mode on disk).
/// </summary>
public sealed record PrivateFile(string HostPath, string? Content = null, string? CopyFrom = null);
