namespace Polycrate.Build.CiExport;

/// <summary>The CI systems a workflow can be exported to (<c>workflows export --format</c>).</summary>
public enum CiFormat
{
    /// <summary>A <c>.gitlab-ci.yml</c> (for a child pipeline or the main one).</summary>
    GitLabCi,

    /// <summary>A GitHub Actions workflow file for <c>.github/workflows/</c>.</summary>
    GitHubActions,
}

/// <summary>The names the front ends accept for <see cref="CiFormat"/>.</summary>
public static class CiFormatNames
{
    /// <summary>The name of <see cref="CiFormat.GitLabCi"/>.</summary>
    public const string GitLabCi = "gitlab-ci";

    /// <summary>The name of <see cref="CiFormat.GitHubActions"/>.</summary>
    public const string GitHubActions = "github-actions";

    /// <summary>Parses <c>gitlab-ci</c> or <c>github-actions</c> (case-insensitive).</summary>
    /// <exception cref="CiExportException">PCB2104 for any other value.</exception>
    public static CiFormat Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        GitLabCi => CiFormat.GitLabCi,
        GitHubActions => CiFormat.GitHubActions,
        _ => throw new CiExportException(CiExportException.UnknownFormatCode,
            $"unknown CI format '{value}'; use {GitLabCi} or {GitHubActions}"),
    };

    /// <summary>The front-end name of <paramref name="format"/>; the inverse of <see cref="Parse"/>.</summary>
    public static string Name(CiFormat format) => format == CiFormat.GitLabCi ? GitLabCi : GitHubActions;
}
