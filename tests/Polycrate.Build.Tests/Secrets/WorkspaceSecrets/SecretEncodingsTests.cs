using System.Text;
using Polycrate.Build.Secrets;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

/// <summary>Issue 12 item 6: a secret is masked also where tools print it escaped or encoded.</summary>
public sealed class SecretEncodingsTests
{
    private const string Value = "Tok\"en\\Secret";
    private static readonly string Mask = SecretNames.Mask;

    [Fact]
    public void Ansible_json_escaped_form_is_masked()
    {
        var redactor = new SecretRedactor([Value]);

        Assert.Equal($"ok: [localhost] => {{\"msg\": \"{Mask}\"}}", redactor.Redact("ok: [localhost] => {\"msg\": \"Tok\\\"en\\\\Secret\"}"));
    }

    [Fact]
    public void Url_encoded_forms_are_masked_in_upper_and_lower_case_hex()
    {
        var redactor = new SecretRedactor([Value]);

        Assert.Equal($"GET /api?t={Mask} HTTP/1.1", redactor.Redact("GET /api?t=Tok%22en%5CSecret HTTP/1.1"));
        Assert.Equal($"GET /api?t={Mask}", redactor.Redact("GET /api?t=Tok%22en%5cSecret"));
    }

    [Fact]
    public void Form_encoding_with_plus_and_python_quote_keeping_slashes_are_masked()
    {
        var redactor = new SecretRedactor(["pass word/with slash"]);

        Assert.Equal($"body: p={Mask}", redactor.Redact("body: p=pass+word%2Fwith+slash"));
        Assert.Equal($"url: /{Mask}", redactor.Redact("url: /pass%20word/with%20slash"));
    }

    [Fact]
    public void Base64_of_the_whole_value_is_masked_padded_or_not_standard_or_url_safe()
    {
        var value = "k8s-token>>>???";
        var redactor = new SecretRedactor([value]);
        var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        var urlSafe = standard.Replace('+', '-').Replace('/', '_');

        Assert.NotEqual(standard, urlSafe);
        Assert.Equal($"token: {Mask}", redactor.Redact($"token: {standard.TrimEnd('=')}"));
        Assert.StartsWith($"token: {Mask}", redactor.Redact($"token: {standard}"), StringComparison.Ordinal);
        Assert.Equal($"jwt {Mask}", redactor.Redact($"jwt {urlSafe.TrimEnd('=')}"));
    }

    [Fact]
    public void Non_ascii_value_is_masked_in_python_ensure_ascii_json()
    {
        var redactor = new SecretRedactor(["pässwörd-42"]);

        Assert.Equal($"\"{Mask}\"", redactor.Redact("\"p\\u00e4ssw\\u00f6rd-42\""));
    }

    [Fact]
    public void Multi_line_value_is_masked_as_one_json_string_and_line_by_line()
    {
        var redactor = new SecretRedactor(["line-one-secret\nline-two-secret"]);

        Assert.Equal($"\"{Mask}\"", redactor.Redact("\"line-one-secret\\nline-two-secret\""));
        Assert.Equal(Mask, redactor.Redact("line-two-secret"));
    }

    [Fact]
    public void Plain_words_are_not_touched_by_the_encoded_forms()
    {
        var redactor = new SecretRedactor([Value]);

        Assert.Equal("TASK [debug] Token Secret", redactor.Redact("TASK [debug] Token Secret"));
    }
}
