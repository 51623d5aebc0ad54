using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Loading;

/// <summary>
/// Parses one <c>block.poly</c> on its own: used while discovering a workspace's blocks and to validate a pulled
/// block before it is installed. Problems go to the diagnostics bag with file, line and column.
/// </summary>
internal static class BlockFileReader
{
    public static Block? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var file = YamlFile.Parse(path, text, diagnostics);
        return file.Root is null ? null : BlockParser.Parse(file.Root, file, diagnostics, "block", Path.GetDirectoryName(path));
    }
}
