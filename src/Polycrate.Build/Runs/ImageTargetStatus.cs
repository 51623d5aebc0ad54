using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Runs;

/// <summary>
/// What the image target reports, only what is known: "built"/"up to date" for a Dockerfile image, "pulled"/"present" for a
/// plain one the image target checked, and — when the first container create is the check (pull on 404, see
/// <see cref="ImageAtCreate"/>) — "checked at the first container create" while the run goes on, replaced in the run's
/// results (summary, run log, JUnit) by what the creates found once the run is over.
/// </summary>
internal static class ImageTargetStatus
{
    /// <summary>The image target's outcome; <paramref name="atCreate"/> is set when the engine left the check to the create.</summary>
    public static TargetOutcome Outcome(WorkspaceImageResult image, ImageAtCreate? atCreate)
    {
        if (atCreate is not null)
        {
            return new TargetOutcome(true, Message: $"{image.Tag}: checked at the first container create, which pulls it if the engine does not have it");
        }

        // A plain image has no build context (WorkspaceImage.EnsureAsync): Built means it was pulled.
        var plain = image.ContextHash.Length == 0;
        var what = (plain, image.Built) switch
        {
            (true, true) => "pulled",
            (true, false) => "present",
            (false, true) => "built",
            (false, false) => "up to date (built before from the same inputs)",
        };
        return new TargetOutcome(true, UpToDate: !image.Built, Message: $"{image.Tag} {what}");
    }

    /// <summary>The image target's result once the run is over, with what the container creates found.</summary>
    public static TargetResult Resolved(TargetResult result, string image, ImageAtCreate atCreate) =>
        atCreate.Pulled ? result with { Status = TargetStatus.Succeeded, Message = $"{image} pulled at the first container create (the engine did not have it)" }
        : atCreate.Created ? result with { Status = TargetStatus.UpToDate, Message = $"{image} present (found at the first container create)" }
        : result with { Message = $"{image} not checked: no container was created" };
}
