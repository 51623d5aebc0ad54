using Polycrate.Build.Execution.SharedContainers;

namespace Polycrate.Build.Tests.Execution.SharedContainers;

/// <summary>The leftover check's verdict is the first stdout line of a step's exec, tagged with the exec's nonce; everything else is the step's output.</summary>
public sealed class LeftoverVerdictTests
{
    private readonly List<(string Line, bool Stderr)> _lines = [];

    private LeftoverVerdict Verdict() => new("n0nce", (line, stderr) => _lines.Add((line, stderr)));

    [Fact]
    public void A_clean_verdict_is_taken_out_of_the_output_and_keeps_the_checksum()
    {
        var verdict = Verdict();
        verdict.Output.OnStdoutLine("polycrate-step n0nce ok 123 456");
        verdict.Output.OnStdoutLine("hello");
        verdict.Output.OnStderrLine("warn");
        verdict.Output.OnStdoutLine("polycrate-step n0nce ok 1 1");

        Assert.Equal(LeftoverState.Clean, verdict.State);
        Assert.Equal("123 456", verdict.Checksum);
        // Only the first line can be the verdict: a later identical line is the step's own output.
        Assert.Equal([("hello", false), ("warn", true), ("polycrate-step n0nce ok 1 1", false)], _lines);
    }

    [Fact]
    public void After_a_traces_verdict_nothing_reaches_the_step_output()
    {
        var verdict = Verdict();
        verdict.Output.OnStdoutLine("polycrate-step n0nce traces");
        verdict.Output.OnStdoutLine("/tmp/left");
        verdict.Output.OnStderrLine("noise");

        Assert.Equal(LeftoverState.Traces, verdict.State);
        Assert.Equal(["/tmp/left"], verdict.Traces);
        Assert.Empty(_lines);
    }

    [Fact]
    public void Unchecked_means_the_step_ran_without_a_check()
    {
        var verdict = Verdict();
        verdict.Output.OnStdoutLine("polycrate-step n0nce unchecked");
        verdict.Output.OnStdoutLine("out");

        Assert.Equal(LeftoverState.Unchecked, verdict.State);
        Assert.Equal([("out", false)], _lines);
    }

    [Theory]
    [InlineData("polycrate-step other ok 1 2")]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process")]
    public void A_first_line_without_the_execs_nonce_is_output_and_leaves_the_state_unknown(string first)
    {
        var verdict = Verdict();
        verdict.Output.OnStdoutLine(first);

        Assert.Equal(LeftoverState.Unknown, verdict.State);
        Assert.Equal([(first, false)], _lines);
    }

    [Fact]
    public void The_wrapper_gets_token_nonce_start_checksum_and_then_the_command_unchanged()
    {
        var command = LeftoverCheck.Wrap("tok", "n0nce", null, ["ansible-playbook", "-e", "@/run/polycrate/snapshot.yml", "play yml"]);

        Assert.Equal(["sh", "-c", LeftoverCheck.Script, "sh", "tok", "n0nce", "-", "ansible-playbook", "-e", "@/run/polycrate/snapshot.yml", "play yml"], command);
        Assert.Equal("123 4", LeftoverCheck.Wrap("tok", "n", "123 4", ["true"])[6]);
    }
}
