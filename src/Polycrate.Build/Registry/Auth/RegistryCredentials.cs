namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// A user name and password (or token) for one registry. A class rather than a record so that no generated
/// <c>ToString</c> or debugger display ever prints the secret.
/// </summary>
internal sealed class RegistryCredentials
{
    public RegistryCredentials(string username, string password)
    {
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public string Password { get; }

    /// <summary>Where the credentials came from (e.g. "credential helper 'pass'"), for diagnostics only.</summary>
    public string Source { get; init; } = "unknown";

    public override string ToString() => $"{Username} (password hidden; from {Source})";
}
