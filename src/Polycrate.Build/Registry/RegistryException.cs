using System.Net;
using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>
/// A registry request failed: carries the HTTP method, URI and status and the registry's <c>errors[]</c>,
/// and the message says what to do. URIs and messages never contain credentials or tokens.
/// </summary>
internal sealed class RegistryException : PolycrateException
{
    public RegistryException(
        string method,
        Uri uri,
        HttpStatusCode? statusCode,
        IReadOnlyList<RegistryError> errors,
        string hint,
        Exception? inner = null,
        int exitCode = 1)
        : base(Format(method, uri, statusCode, errors, hint), inner)
    {
        ExitCode = exitCode;
        Method = method;
        Uri = uri;
        StatusCode = statusCode;
        Errors = errors;
    }

    public override string Code => DiagnosticCodes.RegistryError;

    /// <summary>2 when the request named something the registry does not have (a block version or repository the workspace or command line gave); else 1.</summary>
    public override int ExitCode { get; }

    public string Method { get; }

    public Uri Uri { get; }

    /// <summary>Null when no HTTP response arrived (connection refused, TLS failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    public IReadOnlyList<RegistryError> Errors { get; }

    /// <summary>True when the registry (or its token server) refused the credentials.</summary>
    public bool IsUnauthorized =>
        StatusCode is HttpStatusCode.Unauthorized || Errors.Any(e => e.Code is "UNAUTHORIZED" or "DENIED");

    private static string Format(
        string method, Uri uri, HttpStatusCode? status, IReadOnlyList<RegistryError> errors, string hint)
    {
        var what = status is null ? "failed" : $"failed with HTTP {(int)status.Value} {status.Value}";
        var details = errors.Count == 0 ? string.Empty : ": " + string.Join("; ", errors.Select(e => e.ToString()));
        return $"Registry request {method} {uri} {what}{details}. {hint}";
    }
}
