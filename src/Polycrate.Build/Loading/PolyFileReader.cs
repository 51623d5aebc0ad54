using Polycrate.Build.Diagnostics;
using Polycrate.Build.Limits;

namespace Polycrate.Build.Loading;

/// <summary>
/// Reads workspace.poly / block.poly text safely through <see cref="RegularFileReader"/>: only regular files (after
/// resolving symlinks) up to <see cref="InputLimits.MaxFileBytes"/>; anything else is PCB1042 at the file.
/// </summary>
internal static class PolyFileReader
{
    /// <summary>The file's text, or null after reporting why it cannot be read (PCB1042 at the file).</summary>
    public static Task<string?> ReadAsync(string path, InputLimits limits, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = RegularFileReader.Read(path, limits.MaxFileBytes, InputLimits.FileBytesVariable);
        if (result.Text is null)
        {
            diagnostics.Error(DiagnosticCodes.FileNotReadable, result.Problem!, new SourceLocation(path, 0, 0), result.Hint);
        }

        return Task.FromResult(result.Text);
    }
}
