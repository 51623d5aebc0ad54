using System.Diagnostics;
using System.Text.Json;

namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// Runs a Docker credential helper (<c>docker-credential-&lt;name&gt; get</c>, server URL on stdin, JSON with
/// <c>Username</c> and <c>Secret</c> on stdout). The program is looked up on the injected <c>PATH</c>.
/// </summary>
internal static class CredentialHelper
{
    private static readonly TimeSpan HelperTimeout = TimeSpan.FromSeconds(60);

    public static async Task<RegistryCredentials?> GetAsync(
        string helperName, string registry, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helperName;
        var path = FindOnPath(program, getEnvironmentVariable("PATH"))
            ?? throw new CredentialException($"Credential helper {program} (configured in the Docker config for {registry}) was not found on PATH. Install it or remove it from config.json.");

        var startInfo = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("get");

        using var process = Process.Start(startInfo)
            ?? throw new CredentialException($"Credential helper {program} could not be started.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HelperTimeout);
        try
        {
            await process.StandardInput.WriteAsync(registry);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                if ((output + errors).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                throw new CredentialException($"Credential helper {program} failed for {registry} with exit code {process.ExitCode}. Run '{program} list' to check it, or log in again with docker login {registry}.");
            }

            return Parse(output, program, registry);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new CredentialException($"Credential helper {program} did not answer within {HelperTimeout.TotalSeconds} s (is it waiting for a GUI prompt?).");
        }
    }

    private static RegistryCredentials? Parse(string output, string program, string registry)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var username = document.RootElement.TryGetProperty("Username", out var u) ? u.GetString() : null;
            var secret = document.RootElement.TryGetProperty("Secret", out var s) ? s.GetString() : null;
            // "<token>" marks an OAuth identity token, which needs a refresh-token exchange we do not implement.
            return string.IsNullOrEmpty(username) || secret is null || username == "<token>"
                ? null
                : new RegistryCredentials(username, secret) { Source = $"credential helper {program}" };
        }
        catch (JsonException)
        {
            throw new CredentialException($"Credential helper {program} returned output for {registry} that is not the expected JSON (Username, Secret).");
        }
    }

    private static string? FindOnPath(string program, string? pathVariable)
    {
        foreach (var directory in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd", program] : new[] { program })
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }
}
