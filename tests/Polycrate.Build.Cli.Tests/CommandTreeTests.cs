using System.CommandLine;
using Polycrate.Build.Cli.Infrastructure;

namespace Polycrate.Build.Cli.Tests;

/// <summary>The command tree is built for the typed verb only when the arguments say which; otherwise whole.</summary>
public sealed class CommandTreeTests
{
    private static readonly string Nightly = Path.Combine(CliRunner.Samples, "nightly-maintenance");

    private static RootCommand Build(params string[]? args) =>
        CommandTree.Build(new CliContext(new GlobalOptions(), TextWriter.Null, TextWriter.Null, interactive: false), args);

    private static List<string> Verbs(RootCommand root) => root.Subcommands.Select(c => c.Name).ToList();

    [Theory]
    [InlineData("version", new[] { "version" })]
    [InlineData("workspace", new[] { "-w", "/tmp/x", "workspace", "inspect" })]
    [InlineData("workspace", new[] { "--workspace=/tmp/x", "-o", "json", "workspace", "inspect" })]
    [InlineData("blocks", new[] { "--strict", "-v", "block", "list" })]
    [InlineData("version", new[] { "--help", "version" })]
    [InlineData("install", new[] { "install", "app" })]
    public void Only_the_typed_verb_is_built(string verb, string[] args)
    {
        Assert.Equal([verb], Verbs(Build(args)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("verison")]
    [InlineData("-w version")]
    [InlineData("-vw version")]
    [InlineData("--unknown version")]
    [InlineData("@args.rsp")]
    [InlineData("[suggest] ver")]
    [InlineData("-- version")]
    public void Anything_the_scan_cannot_tell_gets_the_whole_tree(string args)
    {
        Assert.Equal(Verbs(Build(null)), Verbs(Build(args.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void Every_verb_and_alias_of_the_whole_tree_builds_alone()
    {
        var whole = Build(null);
        Assert.Equal(14, whole.Subcommands.Count);
        foreach (var command in whole.Subcommands)
        {
            foreach (var name in command.Aliases.Prepend(command.Name))
            {
                Assert.Equal([command.Name], Verbs(Build(name)));
            }
        }
    }

    [Theory]
    [InlineData("workspace", "--help")]
    [InlineData("blocks", "pull", "--help")]
    [InlineData("run", "--help")]
    [InlineData("version")]
    [InlineData("-w", "NIGHTLY", "workflows", "list")]
    [InlineData("-w", "NIGHTLY", "blocks", "lst")]
    [InlineData("-w", "NIGHTLY", "workspace", "inspect", "--outptu", "json")]
    public async Task Output_and_exit_code_are_those_of_the_whole_tree(params string[] args)
    {
        args = args.Select(a => a == "NIGHTLY" ? Nightly : a).ToArray();
        var lazy = await CliRunner.RunAsync(args);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var application = new CliApplication(stdout, stderr);
        var parse = application.Root.Parse(args);
        var usageError = parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction;
        var exit = usageError ? 2 : await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, CancellationToken.None);
        var expectedStderr = usageError ? string.Concat(UsageErrors.Describe(parse).Select(line => line + Environment.NewLine)) : stderr.ToString();

        Assert.Equal(exit, lazy.ExitCode);
        Assert.Equal(stdout.ToString(), lazy.Stdout);
        Assert.Equal(expectedStderr, lazy.Stderr);
    }
}
