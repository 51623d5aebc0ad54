namespace Polycrate.Build.Registry;

/// <summary>One entry of a registry's <c>errors[]</c> response body (OCI distribution spec error codes).</summary>
internal sealed record RegistryError(string Code, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Message) ? Code : $"{Code} ({Message})";
}
