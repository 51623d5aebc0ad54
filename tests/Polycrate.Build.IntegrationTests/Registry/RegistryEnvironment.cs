namespace Polycrate.Build.IntegrationTests.Registry;

/// <summary>What eng/start-registry.sh reports: ports, storage directories, test credentials and token key.</summary>
internal sealed record RegistryEnvironment(IReadOnlyDictionary<string, string> Values)
{
    public int AnonymousPort => int.Parse(Values["ANON_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public int BasicPort => int.Parse(Values["BASIC_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public int TokenPort => int.Parse(Values["TOKEN_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public int TokenServerPort => int.Parse(Values["TOKEN_SERVER_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public string Username => Values["USERNAME"];

    public string Password => File.ReadAllText(Values["PASSWORD_FILE"]).Trim();

    public string TokenKeyFile => Values["TOKEN_KEY"];

    public string TokenCertificateFile => Values["TOKEN_CERT"];

    public string TokenIssuer => Values["TOKEN_ISSUER"];

    public string AnonymousStorage => Values["ANON_STORAGE"];

    public static RegistryEnvironment Parse(string output) =>
        new(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal));
}
