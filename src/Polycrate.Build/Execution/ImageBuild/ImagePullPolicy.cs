namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>When <see cref="ImagePuller"/> pulls an image reference.</summary>
public enum ImagePullPolicy
{
    /// <summary>Pull only when the engine has no image by that reference.</summary>
    Missing,

    /// <summary>Pull every time (picks up a moved tag).</summary>
    Always,

    /// <summary>Never pull; a missing image is an error.</summary>
    Never,
}
