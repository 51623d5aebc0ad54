using System.Reflection;
using System.Text.RegularExpressions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Testing;

namespace Polycrate.Build.Tests.Diagnostics;

/// <summary>One catalog: every code is named once, described once, documented once, and written nowhere else.</summary>
public sealed partial class DiagnosticCatalogTests
{
    private static List<string> NamedCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void EveryNamedCodeHasExactlyOneCatalogEntryAndViceVersa()
    {
        var named = NamedCodes();
        var catalog = DiagnosticCatalog.All.Select(d => d.Code).ToList();

        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal(catalog.Count, catalog.Distinct().Count());
        Assert.Equal(named.Order(StringComparer.Ordinal), catalog.Order(StringComparer.Ordinal));
        Assert.All(catalog, c => Assert.Matches("^PCB[1-7][0-9]{3}$", c));
    }

    [Fact]
    public void DocsListEveryCatalogCodeAndNoOther()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"));
        var documented = DocRow().Matches(docs).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoCodeLiteralOutsideTheCatalog()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, file);
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative.EndsWith("Diagnostics/DiagnosticCodes.cs", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var literal = Path.GetExtension(file) == ".cs" ? CodeLiteral().IsMatch(text) : Path.GetExtension(file) is ".targets" or ".props" && AnyCode().IsMatch(text);
            if (literal)
            {
                offenders.Add(relative);
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void SecretsErrorKindsAllHaveCatalogCodes()
    {
        Assert.All(Enum.GetValues<AgeErrorKind>(), kind => Assert.NotNull(DiagnosticCatalog.Find(new AgeException(kind, "x").Code)));
        Assert.All(Enum.GetValues<SecretsErrorKind>(), kind => Assert.NotNull(DiagnosticCatalog.Find(new WorkspaceSecretsException(kind, "x").Code)));
    }

    [Theory]
    [InlineData(FrontEnd.Cli, "pass --force")]
    [InlineData(FrontEnd.MSBuild, "set PolycrateForce=true")]
    [InlineData(FrontEnd.Cake, "set Force = true in the settings")]
    public void HintsAreSpelledForTheFrontEnd(FrontEnd frontEnd, string expected)
    {
        var refused = new ActionException("action 'deploy' asks for confirmation", DiagnosticCatalog.ForceHint.Cli, DiagnosticCodes.PromptRefused);

        var text = DiagnosticCatalog.ForFrontEnd(refused.Message, frontEnd);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(frontEnd == FrontEnd.Cli, text.Contains("--force", StringComparison.Ordinal));
        Assert.Same(DiagnosticCatalog.ForceHint, DiagnosticCatalog.Find(refused.Code)?.Hint);
    }

    [Fact]
    public void StrictSummaryNamesTheFrontEndsOption()
    {
        var warning = new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownKey, "unknown key 'x'", new SourceLocation("workspace.poly", 3, 1));
        var failure = new WorkspaceException([warning], strict: true);

        Assert.Contains("PolycrateStrict=true", DiagnosticCatalog.ForFrontEnd(failure.Message, FrontEnd.MSBuild), StringComparison.Ordinal);
        Assert.Contains("--strict", DiagnosticCatalog.ForFrontEnd(failure.Message, FrontEnd.Cli), StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.UnknownKey, failure.Code);
    }

    [GeneratedRegex(@"^\| (PCB[0-9]{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();

    [GeneratedRegex("\"PCB[0-9]{4}\"|PCB\\{")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex("PCB[0-9]{4}")]
    private static partial Regex AnyCode();
}
