using Polycrate.Build.Execution.Ansible;

namespace Polycrate.Build.Tests.Execution;

/// <summary>Only Ansible's warning about Polycrate's own <c>block</c>/<c>action</c> variables is dropped from action output.</summary>
public sealed class ReservedNameWarningTests
{
    [Theory]
    [InlineData("[WARNING]: Found variable using reserved name: block")]
    [InlineData("[WARNING]: Found variable using reserved name: action")]
    [InlineData("\u001b[1;35m[WARNING]: Found variable using reserved name: block\u001b[0m")]
    [InlineData("[WARNING]: Found variable using reserved name 'action'.")]
    public void The_warning_about_polycrates_variables_is_recognised(string line) =>
        Assert.True(ReservedNameWarning.IsAboutPolycrateVariable(line));

    [Theory]
    [InlineData("[WARNING]: Found variable using reserved name: tags")]
    [InlineData("[WARNING]: Found variable using reserved name: blocks")]
    [InlineData("ok: [localhost] => {\"msg\": \"[WARNING]: Found variable using reserved name: block\"}")]
    [InlineData("TASK [block] ****")]
    [InlineData("")]
    public void Other_lines_pass(string line) =>
        Assert.False(ReservedNameWarning.IsAboutPolycrateVariable(line));
}
