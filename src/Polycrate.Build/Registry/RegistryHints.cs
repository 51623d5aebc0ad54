using System.Net;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Registry;

/// <summary>What to do about a failed registry request, by error code and status.</summary>
internal static class RegistryHints
{
    public static string Unauthorized(string registry, RegistryCredentials? credentials) =>
        credentials is null
            ? $"No credentials for {registry} were found: log in with 'docker login {registry}', or set "
                + $"{RegistryAuthOptions.UsernameVariable} and {RegistryAuthOptions.PasswordVariable} "
                + $"(or {RegistryAuthOptions.HostSpecificVariable(registry, "USERNAME")} / _PASSWORD)."
            : $"The registry refused the credentials for {registry} from {credentials.Source}: check the user name and "
                + $"password (log in again with 'docker login {registry}') and that the account may access this repository.";

    /// <summary>The token server issued a token (credentials accepted, or anonymous) and the registry refused it.</summary>
    public static string TokenRefused(string registry, string? realm, RegistryCredentials credentials) =>
        $"The token server {realm} accepted the credentials from {credentials.Source} and issued a token, but {registry} refused that token: it is expired or not yet valid (compare this machine's clock with the servers'), "
        + "lacks the scope this operation needs (the account may not access this repository), or the registry does not trust "
        + "the token server (its auth.token issuer, service and rootcertbundle must match the token server). Ask the registry's operator; "
        + "logging in again does not help.";

    public static string For(HttpStatusCode status, IReadOnlyList<RegistryError> errors, ImageReference reference, RegistryCredentials? credentials)
    {
        var code = errors.Count > 0 ? errors[0].Code : null;
        return code switch
        {
            "UNAUTHORIZED" => Unauthorized(reference.Registry, credentials),
            "DENIED" => $"Access to {reference.RepositoryReference} was denied: the account needs pull (and for pushes, push) permission on it.",
            "NAME_UNKNOWN" => $"Repository {reference.RepositoryReference} does not exist on the registry: check the reference spelling.",
            "MANIFEST_UNKNOWN" => $"{reference} was not found: check the tag or digest.",
            "BLOB_UNKNOWN" => "The registry lost a blob the manifest refers to: push the block again.",
            "MANIFEST_BLOB_UNKNOWN" => "The registry has not received every blob the manifest names; this is a client bug or a concurrent delete: push again.",
            "MANIFEST_INVALID" or "TAG_INVALID" => "The registry rejected the manifest; it may not support OCI 1.1 artifacts: try a newer registry.",
            "DIGEST_INVALID" or "SIZE_INVALID" => "The upload was corrupted in transit: push again.",
            "TOOMANYREQUESTS" => "The registry rate-limited the request: wait and retry, or authenticate for a higher limit.",
            "UNSUPPORTED" => "The registry does not support this operation.",
            _ => status switch
            {
                HttpStatusCode.Unauthorized => Unauthorized(reference.Registry, credentials),
                HttpStatusCode.Forbidden => $"Access to {reference.RepositoryReference} was denied: check the account's permissions.",
                HttpStatusCode.NotFound => $"{reference} was not found: check the registry, repository and tag.",
                >= HttpStatusCode.InternalServerError => "The registry failed internally: retry later or ask its operator.",
                _ => "Check the reference and the registry's logs.",
            },
        };
    }
}
