using System.Text.Json;

namespace Polycrate.Build.Registry;

/// <summary>Reads the <c>{"errors":[{"code","message"}]}</c> body of a failed registry response.</summary>
internal static class RegistryErrorParser
{
    public static IReadOnlyList<RegistryError> Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (!document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return errors.EnumerateArray()
                .Select(e => new RegistryError(
                    e.TryGetProperty("code", out var code) ? code.GetString() ?? "UNKNOWN" : "UNKNOWN",
                    e.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
