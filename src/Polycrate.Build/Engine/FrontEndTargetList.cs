using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Engine;

/// <summary>The targets a front end exposes (MSBuild targets, Cake tasks) and the naming problems that block them.</summary>
public sealed record FrontEndTargetList(Workspace Workspace, IReadOnlyList<FrontEndTarget> Targets, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>The name of the image target (build Dockerfile.poly) in every front end: <c>PolycrateImage</c>.</summary>
    public const string ImageTargetName = FrontEndTargets.ImageName;
}
