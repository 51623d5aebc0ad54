using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Templating;

namespace Polycrate.Build.Tests.Templating;

/// <summary>The rule for Go templates in script lines (README "Templates in script lines").</summary>
public sealed class ScriptTemplateTests
{
    private static readonly SourceLocation Line = new("/ws/workspace.poly", 7, 11);

    private static readonly TemplateData Data = new(ConfigMap.Of(
        ("workspace", ConfigMap.Of(("name", ConfigScalar.String("acme-ws")), ("config", ConfigMap.Of(("globals", ConfigMap.Of(("Region", ConfigScalar.String("eu")))))))),
        ("block", ConfigMap.Of(
            ("name", ConfigScalar.String("app")),
            ("config", ConfigMap.Of(("foo", ConfigScalar.String("bar")), ("Port", ConfigScalar.Integer(8080)), ("nothing", ConfigScalar.Null),
                ("list", new ConfigList([ConfigScalar.String("a"), ConfigScalar.Integer(1)])), ("nested", ConfigMap.Of(("deep", ConfigScalar.Bool(true)))))),
            ("artifacts", ConfigMap.Of(("path", ConfigScalar.String("/workspace/artifacts/blocks/app")))))),
        ("action", ConfigMap.Of(("name", ConfigScalar.String("deploy")))),
        ("env", ConfigMap.Of(("KUBECONFIG", ConfigScalar.String("/k.yml")), ("lower", ConfigScalar.String("x"))))));

    private static string Render(string text) => ScriptTemplate.Render(text, Data, Line);

    [Theory]
    [InlineData("echo {{ .Workspace.Name }}", "echo acme-ws")]
    [InlineData("echo {{.Block.Name}}/{{ .Action.Name }}", "echo app/deploy")]
    [InlineData("echo {{ .Block.Config.foo }} {{ .Block.Config.Port }}", "echo bar 8080")]
    [InlineData("cd {{ .Block.Artifacts.Path }}", "cd /workspace/artifacts/blocks/app")]
    [InlineData("echo {{ .Env.KUBECONFIG }} {{ .Env.lower }}", "echo /k.yml x")]
    [InlineData("echo {{ .Block.Config.nested.deep }}", "echo true")]
    [InlineData("echo [{{ .Block.Config.nothing }}]", "echo []")]
    [InlineData("echo '{{ .Block.Config.list }}'", "echo '[\"a\",1]'")]
    [InlineData("echo {{ .Workspace.Config.Globals.Region }}", "echo eu")]
    [InlineData("echo a   {{- .Block.Name -}}   b", "echo aappb")]
    [InlineData("echo {{- .Block.Name }} x", "echoapp x")]
    public void Field_references_are_rendered(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("docker ps --format '{{.Names}}'")]
    [InlineData("docker inspect -f '{{ json .State }}' x")]
    [InlineData("docker inspect -f '{{ .Config.Env }}' x")]
    [InlineData("docker events --format '{{.Action}} {{ .Actor.ID }}'")]
    [InlineData("ansible localhost -m debug -a 'msg={{ foo }}'")]
    [InlineData("kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'")]
    [InlineData("echo '{{ .blocks.name }}' {{-3}} {{ .Blocks.Name }}")]
    [InlineData("echo {{ unclosed .Block.Name")]
    [InlineData("plain text without braces")]
    public void Text_that_is_not_a_polycrate_template_stays_exactly_as_written(string text) => Assert.Equal(text, Render(text));

    [Fact]
    public void Verbatim_and_rendered_actions_mix_on_one_line() =>
        Assert.Equal("docker ps --format '{{.Names}}' --filter label=app", Render("docker ps --format '{{.Names}}' --filter label={{ .Block.Name }}"));

    [Fact]
    public void A_missing_field_is_an_error_at_its_file_line_and_column()
    {
        var error = Assert.Throws<WorkspaceException>(() => Render("echo ok; echo {{ .Block.Config.fooo }}"));

        Assert.Equal(DiagnosticCodes.TemplateFieldMissing, error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal(Line with { Column = 11 + 14 }, error.Location);
        Assert.Contains(".Block.Config has no field 'fooo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("foo", error.Message, StringComparison.Ordinal);
        Assert.Contains("/ws/workspace.poly:7:25", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ .Block.Config.FOO }}")]
    [InlineData("{{ .Env.kubeconfig }}")]
    [InlineData("{{ .Workflow.Name }}")]
    [InlineData("{{ .Block.Name.More }}")]
    public void User_keys_match_exactly_and_absent_sections_are_errors(string text) =>
        Assert.Equal(DiagnosticCodes.TemplateFieldMissing, Assert.Throws<WorkspaceException>(() => Render(text)).Code);

    [Theory]
    [InlineData("echo {{ .Block.Config.foo | quote }}")]
    [InlineData("{{ if .Block.Config.foo }}yes{{ end }}")]
    [InlineData("{{ printf \"%s\" .Workspace.Name }}")]
    public void Other_go_template_constructs_on_polycrate_fields_are_errors(string text) =>
        Assert.Equal(DiagnosticCodes.TemplateUnsupported, Assert.Throws<WorkspaceException>(() => Render(text)).Code);

    [Fact]
    public void Positions_inside_a_block_scalar_count_lines()
    {
        var error = Assert.Throws<WorkspaceException>(() => Render("echo one\n  echo {{ .Block.Nope }}"));

        Assert.Equal(8, error.Location!.Line);
        Assert.Equal(8, error.Location.Column);
    }

    [Fact]
    public void Rendering_happens_once_so_values_with_braces_stay_literal()
    {
        var data = new TemplateData(ConfigMap.Of(("block", ConfigMap.Of(("config", ConfigMap.Of(("tpl", ConfigScalar.String("{{ .Block.Name }}"))))))));

        Assert.Equal("echo {{ .Block.Name }}", ScriptTemplate.Render("echo {{ .Block.Config.tpl }}", data, Line));
    }
}
