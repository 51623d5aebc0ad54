using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// docker_flags are checked when the workspace loads (inspect, validate, every run) at the flag's file:line:col with the
/// supported flags, not first when a container starts; the run uses the same rules. A flag without an engine API meaning
/// is a warning and left out (a Polycrate workspace that has one still loads and runs); a malformed value is an error.
/// </summary>
public sealed class DockerFlagsLoadTests
{
    [Theory]
    [InlineData("[--memory=512m]", "'--memory=512m' is not supported", 20)]
    [InlineData("[\"--network=host --memory 2g\"]", "'--memory' is not supported", 36)]
    public async Task An_unsupported_flag_is_a_warning_at_its_file_line_and_column_and_is_left_out(string flags, string what, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", $"name: ws\nconfig:\n  container:\n    docker_flags: {flags}\n");

        var result = await workspace.LoadAsync();

        var only = Assert.Single(result.Warnings);
        Assert.Equal(DiagnosticCodes.NotSupported, only.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 4, column), only.Location);
        Assert.Contains(what, only.Message, StringComparison.Ordinal);
        Assert.Contains("left out", only.Message, StringComparison.Ordinal);
        Assert.Contains(DockerFlags.Supported, only.Hint, StringComparison.Ordinal);
        var settings = DockerFlags.Parse(result.Workspace.Settings.DockerFlags);
        Assert.Empty(settings.Mounts);
        Assert.Empty(settings.Environment);
    }

    [Theory]
    [InlineData("['-v /srv/data:relative']", "'/srv/data:relative' is not HOST:CONTAINER[:ro]", 24)]
    [InlineData("[--privileged, --network]", "'--network' needs a value", 34)]
    public async Task A_malformed_value_of_an_accepted_flag_is_an_error_at_its_file_line_and_column(string flags, string what, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", $"name: ws\nconfig:\n  container:\n    docker_flags: {flags}\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.DockerFlag, only.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 4, column), only.Location);
        Assert.Contains(what, only.Message, StringComparison.Ordinal);
        Assert.Contains(DockerFlags.Supported, only.Hint, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task Each_bad_entry_of_a_block_list_is_reported_on_its_own_line()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nconfig:\n  container:\n    docker_flags:\n      - --privileged\n      - --device /dev/kvm\n      - --shm-size=1g\n      - -v\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((8, 9), (only.Location.Line, only.Location.Column));
        Assert.Equal(DiagnosticCodes.DockerFlag, only.Code);

        workspace.Write("workspace.poly", "name: ws\nconfig:\n  container:\n    docker_flags:\n      - --privileged\n      - --device /dev/kvm\n      - --shm-size=1g\n");
        var result = await workspace.LoadAsync();
        Assert.Equal([(6, 9), (7, 9)], result.Warnings.Select(d => (d.Location.Line, d.Location.Column)).ToArray());
        Assert.All(result.Warnings, d => Assert.Equal(DiagnosticCodes.NotSupported, d.Code));
        Assert.True(DockerFlags.Parse(result.Workspace.Settings.DockerFlags).Container.Privileged);
    }

    [Fact]
    public async Task Supported_flags_load_without_a_word_and_rm_is_a_warning_that_it_changes_nothing()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            config:
              container:
                docker_flags:
                  - --privileged=true --net=bridge
                  - "-v /srv:/srv:ro"
                  - -e
                  - A=1
                  - --user $(id -u):$(id -g)
                  - --cap-add NET_ADMIN --add-host db:10.0.0.5 --init
                  - --rm
            """);

        var result = await workspace.LoadAsync();

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(DiagnosticCodes.NotSupported, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 11, 9), warning.Location);
        Assert.Contains("'--rm' has no effect", warning.Message, StringComparison.Ordinal);
        var settings = DockerFlags.Parse(result.Workspace.Settings.DockerFlags);
        Assert.True(settings.Container.Privileged);
        Assert.Equal("bridge", settings.Container.NetworkMode);
        Assert.Equal("1", Assert.Single(settings.Environment).Value);
    }
}
