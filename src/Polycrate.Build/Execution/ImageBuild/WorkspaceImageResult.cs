namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>The workspace image to run actions in.</summary>
/// <param name="Tag">Image reference, e.g. <c>polycrate-workspace-acme:3f2a…</c>.</param>
/// <param name="Built">False when an image with that tag already existed (nothing was sent to the engine).</param>
/// <param name="ContextHash">Full SHA-256 of the Dockerfile and context.</param>
/// <param name="InputFiles">Absolute paths of the files that make up the build input.</param>
public sealed record WorkspaceImageResult(string Tag, bool Built, string ContextHash, IReadOnlyList<string> InputFiles);
