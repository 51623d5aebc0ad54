using System.CommandLine;
using Polycrate.Build.CiExport;
using Polycrate.Build.Cli.Infrastructure;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Cli.Commands.Workflows;

/// <summary><c>workflows export NAME --format gitlab-ci|github-actions</c>: the workflow as a CI pipeline on stdout.</summary>
internal sealed class WorkflowsExportCommand : Command
{
    private readonly Argument<string> _name = new("NAME") { Description = "Workflow name." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "gitlab-ci (a .gitlab-ci.yml, e.g. for a child pipeline) or github-actions (a file for .github/workflows/).",
        Required = true,
        HelpName = "gitlab-ci|github-actions",
    };
    private readonly Option<string?> _command = new("--command")
    {
        Description = $"What jobs call instead of '{CiExportOptions.DefaultCommand}' (which runs after 'dotnet tool restore'), e.g. polycrate-build.",
        HelpName = "CMD",
    };
    private readonly Option<string?> _image = new("--image")
    {
        Description = "Run jobs inside this toolchain image (GitLab image:, GitHub container:) with --runtime host.",
        HelpName = "IMG",
    };
    private readonly Option<RuntimeKind?> _runtime = new("--runtime")
    {
        Description = "The runtime jobs pass to workflows run: host (default with --image; runners without Docker) or container (default otherwise; runners with a Docker engine).",
    };
    private readonly Option<string?> _workspaces = new("--workspaces")
    {
        Description = "Glob of workspace directories relative to --project-root (e.g. 'clusters/*'): one branch of jobs per workspace, job names '<dir>:<step>'.",
        HelpName = "GLOB",
    };
    private readonly Option<string?> _projectRoot = new("--project-root")
    {
        Description = "The repository root CI jobs start in; -w, --workspaces and artifact paths are relative to it. Default: the current directory.",
        HelpName = "DIR",
    };
    private readonly Option<bool> _force = new("--force")
    {
        Description = "Jobs pass --force (confirm the actions' prompts; CI cannot answer them).",
    };
    private readonly Option<string> _runsOn = new("--runs-on")
    {
        Description = "GitHub Actions runner label.",
        DefaultValueFactory = _ => "ubuntu-latest",
        HelpName = "LABEL",
    };

    public WorkflowsExportCommand(CliContext cli)
        : base("export", "Write a workflow as a CI pipeline on stdout: one job per step (workflows run NAME --step STEP) with needs:, when:, allow_failure, state as job artifacts, secrets from CI variables.")
    {
        Arguments.Add(_name);
        _format.AcceptOnlyFromAmong(CiFormatNames.GitLabCi, CiFormatNames.GitHubActions);
        foreach (var option in new Option[] { _format, _command, _image, _runtime, _workspaces, _projectRoot, _force, _runsOn })
        {
            Options.Add(option);
        }

        SetAction((parse, ct) => cli.RunAsync(async token =>
        {
            var options = new CiExportOptions
            {
                Workflow = parse.GetValue(_name)!,
                Format = CiFormatNames.Parse(parse.GetValue(_format)!),
                ProjectRoot = Path.GetFullPath(parse.GetValue(_projectRoot) ?? Directory.GetCurrentDirectory()),
                Command = parse.GetValue(_command),
                Image = parse.GetValue(_image),
                Runtime = parse.GetValue(_runtime),
                Force = parse.GetValue(_force),
                RunsOn = parse.GetValue(_runsOn)!,
            };
            using var loggers = cli.CreateLoggerFactory(parse);
            // Warnings go to stderr as they are found; the pipeline alone goes to stdout.
            var text = (await cli.CreateEngine(loggers).ExportPipelineAsync(cli.WorkspaceRequest(parse) with { ReapLeftovers = false }, options,
                parse.GetValue(_workspaces), token)).Value;
            await cli.Stdout.WriteAsync(text);
            return 0;
        }, ct));
    }
}
