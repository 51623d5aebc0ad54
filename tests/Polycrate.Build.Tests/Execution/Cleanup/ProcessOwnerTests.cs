using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Tests.Execution.Cleanup;

public sealed class ProcessOwnerTests
{
    [Fact]
    public void This_process_is_not_gone()
    {
        Assert.False(ProcessOwner.Current.IsGone());
        Assert.Equal(Environment.ProcessId, ProcessOwner.Current.Pid);
        Assert.NotEqual(0, ProcessOwner.Current.StartTime);
    }

    [Fact]
    public async Task A_killed_process_is_gone()
    {
        Assert.True((await DeadProcess.OwnerAsync()).IsGone());
    }

    [Fact]
    public void A_live_pid_with_another_start_time_is_a_reused_pid_and_counts_as_gone()
    {
        Assert.True((ProcessOwner.Current with { StartTime = ProcessOwner.Current.StartTime - 1 }).IsGone());
    }

    [Fact]
    public async Task An_owner_on_another_host_is_never_considered_gone()
    {
        Assert.False((await DeadProcess.OwnerAsync() with { Host = "some-other-host" }).IsGone());
    }

    [Fact]
    public void Labels_and_token_round_trip()
    {
        var owner = ProcessOwner.Current;

        Assert.Equal(owner, ProcessOwner.FromLabels(owner.Labels.ToDictionary()));
        Assert.Equal(owner, ProcessOwner.FromToken(owner.Token));
        Assert.Null(ProcessOwner.FromLabels(new Dictionary<string, string> { [ProcessOwner.PidLabel] = "12" }));
        Assert.Null(ProcessOwner.FromToken("not-a-token"));
    }
}
