using System.CommandLine;

namespace Polycrate.Build.Cli.Infrastructure;

public enum OutputFormat
{
    Yaml,
    Json,
}

/// <summary>Options every command accepts (they are recursive: valid before or after the verb).</summary>
internal sealed class GlobalOptions
{
    public Option<string> Workspace { get; } = new("--workspace", "-w")
    {
        Description = "Workspace directory (the folder with workspace.poly). Default: the current directory.",
        DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        Recursive = true,
        HelpName = "DIR",
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Format of data written to stdout: yaml or json. Errors and progress go to stderr.",
        DefaultValueFactory = _ => OutputFormat.Yaml,
        Recursive = true,
        HelpName = "yaml|json",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Treat warnings (unknown keys, unused sections) as errors.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Write debug messages to stderr.",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Workspace);
        root.Options.Add(Output);
        root.Options.Add(Strict);
        root.Options.Add(Verbose);
    }
}
