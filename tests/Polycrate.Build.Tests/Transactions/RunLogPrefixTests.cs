using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Transactions;

/// <summary>
/// <c>logs inspect PREFIX</c>: "a unique prefix of the id is enough" (README). Before, a prefix of several runs (or an
/// empty one) silently showed the newest of them, so a mistyped id showed another run as if it were the one meant.
/// </summary>
public sealed class RunLogPrefixTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("b")]
    [InlineData("")]
    public async Task A_prefix_of_several_runs_is_refused_and_lists_them(string prefix)
    {
        var store = new RunLogStore(_ws.Root, ".logs");
        await store.WriteAsync(Log("b7a2bac5-0000-0000-0000-000000000000", "succeeded"), CancellationToken.None);
        await store.WriteAsync(Log("bb8b031b-0000-0000-0000-000000000000", "failed"), CancellationToken.None);

        var error = Assert.Throws<NotFoundException>(() => store.Find(prefix));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("b7a2bac5-0000-0000-0000-000000000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("bb8b031b-0000-0000-0000-000000000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("type more of the id", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", store.Find("bb")!.Status);
        Assert.Null(store.Find("c"));
    }

    private static RunLog Log(string transactionId, string status) => new()
    {
        TransactionId = transactionId, Workspace = "ws", Command = "polycrate-build run app use", User = "u", Started = DateTimeOffset.Now,
        Finished = DateTimeOffset.Now, Status = status, ExitCode = 0, Version = "0", Targets = [],
    };
}
