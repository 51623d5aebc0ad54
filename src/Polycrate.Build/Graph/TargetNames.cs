using System.Text;

namespace Polycrate.Build.Graph;

/// <summary>
/// The names the MSBuild and Cake front ends give graph targets, one rule for both so a user types the same name
/// in <c>dotnet build -t:NAME</c> and <c>dotnet cake --target=NAME</c>: workflow → its name; action →
/// <c>block_action</c>; step → <c>workflow__step</c>; image → <c>PolycrateImage</c>; block install →
/// <c>PolycrateInstall_reference</c>. Characters MSBuild does not allow in target names become '_'.
/// </summary>
public static class TargetNames
{
    public const string Image = "PolycrateImage";

    public static string For(Target target) => target.Kind switch
    {
        TargetKind.Image => Image,
        TargetKind.Workflow => Sanitize(target.Workflow!),
        TargetKind.Step => Sanitize(target.Workflow!) + "__" + Sanitize(target.Step!),
        TargetKind.Action => Sanitize(target.Block!) + "_" + Sanitize(target.Action!),
        TargetKind.BlockInstall => "PolycrateInstall_" + Sanitize(target.Reference!),
        _ => Sanitize(target.Id),
    };

    /// <summary>Keeps letters, digits, '-' and '_'; everything else ('/', ':', '.', '@', spaces …) becomes '_'.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
