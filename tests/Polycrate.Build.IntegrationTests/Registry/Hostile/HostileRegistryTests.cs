using System.Diagnostics;
using System.Text;
using Polycrate.Build.Limits;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Xunit.Abstractions;

namespace Polycrate.Build.IntegrationTests.Registry.Hostile;

/// <summary>
/// Pulls from a registry that attacks or fails on purpose (a server of the test's own on 127.0.0.1): bombs, lying
/// sizes, endless layer lists, stalls, cut connections, refused tokens. Each must end in a coded error, with nothing
/// installed and nothing left behind, within a bounded time.
/// </summary>
public sealed class HostileRegistryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "pcb-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    private string Target => Path.Combine(_parent, "block");

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_by_default_before_it_fills_the_disk()
    {
        var artifact = new HostileArtifact();
        artifact.AddLayer(HostileArtifact.BlockLayer());
        var bomb = artifact.AddLayer(HostileArtifact.TarGz(("bomb.bin", 1L << 30, null)));
        output.WriteLine($"bomb: {bomb.Size} compressed bytes for 1 GiB");
        await using var server = new HostileRegistry(artifact.Serve());

        var error = await Assert.ThrowsAsync<PullLimitException>(() => PullAsync(server));

        Assert.Equal(LimitVariables.MaxCompressionRatio, error.Variable);
        Assert.Contains("compression bomb", error.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task A_layer_declared_100_GiB_is_refused_before_any_download()
    {
        var artifact = new HostileArtifact();
        var layer = artifact.AddLayer(HostileArtifact.BlockLayer(), declaredSize: 100L << 30);
        await using var server = new HostileRegistry(artifact.Serve());

        var error = await Assert.ThrowsAsync<PullLimitException>(() => PullAsync(server));

        Assert.Equal(LimitVariables.MaxBlockBytes, error.Variable);
        Assert.Equal(0, server.Count("GET", layer.Digest));
        AssertNothingLeft();
    }

    [Fact]
    public async Task Bytes_are_counted_while_streaming_when_the_declared_size_is_small()
    {
        var artifact = new HostileArtifact();
        artifact.AddLayer(HostileArtifact.TarGz(("block.poly", 0, "name: hostile\nversion: 1.0.0\n"), ("big.bin", 50L << 20, null)));
        await using var server = new HostileRegistry(artifact.Serve());
        var limits = PullLimits.Default with { MaxBytes = 10L << 20, MaxCompressionRatio = 1_000_000 };

        var error = await Assert.ThrowsAsync<PullLimitException>(() => PullAsync(server, limits));

        Assert.Equal(LimitVariables.MaxBlockBytes, error.Variable);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Too_many_files_are_refused()
    {
        var artifact = new HostileArtifact();
        artifact.AddLayer(HostileArtifact.TarGz([("block.poly", 0, "name: hostile\nversion: 1.0.0\n"), .. Enumerable.Range(0, 100).Select(i => ($"f{i}", 0L, (string?)"x"))]));
        await using var server = new HostileRegistry(artifact.Serve());

        var error = await Assert.ThrowsAsync<PullLimitException>(() => PullAsync(server, PullLimits.Default with { MaxFiles = 50 }));

        Assert.Equal(LimitVariables.MaxBlockFiles, error.Variable);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Twenty_thousand_layers_are_refused_without_a_download_and_a_repeated_blob_is_fetched_once()
    {
        var blockLayer = HostileArtifact.BlockLayer();
        var many = new HostileArtifact();
        for (var i = 0; i < 20_000; i++)
        {
            many.AddLayer(blockLayer);
        }

        await using (var server = new HostileRegistry(many.Serve()))
        {
            var error = await Assert.ThrowsAsync<PullLimitException>(() => PullAsync(server));
            Assert.Equal(LimitVariables.MaxBlockLayers, error.Variable);
            Assert.Equal(0, server.Count("GET", "/blobs/sha256:"));
        }

        var repeated = new HostileArtifact();
        for (var i = 0; i < 500; i++)
        {
            repeated.AddLayer(blockLayer);
        }

        await using (var server = new HostileRegistry(repeated.Serve()))
        {
            await PullAsync(server, PullLimits.Default with { MaxLayers = 500 });
            Assert.Equal(1, server.Count("GET", repeated.Layers[0].Digest));
            Assert.True(File.Exists(Path.Combine(Target, "block.poly")));
        }
    }

    [Fact]
    public async Task A_registry_that_accepts_and_never_answers_fails_within_the_timeout()
    {
        await using var server = new HostileRegistry((_, _, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(server));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains(server.Authority, error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer within 2 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(LimitVariables.RegistryTimeout, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_download_that_stalls_half_way_fails_with_the_idle_timeout()
    {
        var artifact = new HostileArtifact();
        var layer = artifact.AddLayer(HostileArtifact.TarGz(("block.poly", 0, "name: hostile\nversion: 1.0.0\n"), ("data", 0, new string('x', 100_000))));
        await using var server = new HostileRegistry(artifact.Serve(HalfOfTheBlob(artifact, layer, thenStall: true)));

        var error = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(server));

        Assert.Contains("stopped sending while downloading blob " + layer.Digest, error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Authority, error.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task A_connection_cut_during_a_pull_names_registry_url_operation_and_what_to_do()
    {
        var artifact = new HostileArtifact();
        var layer = artifact.AddLayer(HostileArtifact.TarGz(("block.poly", 0, "name: hostile\nversion: 1.0.0\n"), ("data", 0, new string('x', 100_000))));
        await using var server = new HostileRegistry(artifact.Serve(HalfOfTheBlob(artifact, layer, thenStall: false))); // then closes

        var error = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(server));

        output.WriteLine(error.Message);
        Assert.Equal("PCB4000", error.Code);
        Assert.Contains($"GET http://{server.Authority}/v2/hostile/block/blobs/{layer.Digest}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"connection to {server.Authority} broke while downloading blob {layer.Digest}", error.Message, StringComparison.Ordinal);
        Assert.Contains("retry", error.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task A_token_the_registry_refuses_is_not_reported_as_wrong_credentials()
    {
        await using var server = new HostileRegistry(TokenFlow(tokenServerAccepts: true));

        var error = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(server, credentials: true));

        output.WriteLine(error.Message);
        Assert.Contains("accepted the credentials from POLYCRATE_REGISTRY_USERNAME/_PASSWORD and issued a token", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused that token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("check the user name and password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_the_token_server_refuses_are_reported_as_such()
    {
        await using var server = new HostileRegistry(TokenFlow(tokenServerAccepts: false));

        var error = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(server, credentials: true));

        Assert.Contains("check the user name and password", error.Message, StringComparison.Ordinal);
        Assert.Contains("/token", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers the layer's blob with its full length announced and half of its bytes sent, then stalls or hangs up.</summary>
    private static Func<HostileRequest, Stream, CancellationToken, Task<bool>> HalfOfTheBlob(HostileArtifact artifact, Descriptor layer, bool thenStall) =>
        async (request, stream, cancellationToken) =>
        {
            if (!request.Path.EndsWith(layer.Digest, StringComparison.Ordinal))
            {
                return false;
            }

            await stream.WriteAsync(HostileRegistry.Head(200, layer.Size, "application/octet-stream"), cancellationToken);
            await stream.WriteAsync(artifact.Blobs[layer.Digest].AsMemory(0, (int)layer.Size / 2), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (thenStall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return true;
        };

    /// <summary>Bearer auth on the same server: /token answers (or refuses Basic credentials); the registry refuses every token.</summary>
    private static Func<HostileRequest, Stream, CancellationToken, Task> TokenFlow(bool tokenServerAccepts) => async (request, stream, _) =>
    {
        var unauthorized = Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
        if (request.Path.StartsWith("/token", StringComparison.Ordinal))
        {
            var ok = tokenServerAccepts && request.Headers.TryGetValue("Authorization", out var basic) && basic.StartsWith("Basic ", StringComparison.Ordinal);
            await HostileRegistry.RespondAsync(stream, request, ok ? 200 : 401, ok ? Encoding.UTF8.GetBytes("{\"token\":\"issued-token\"}") : unauthorized);
            return;
        }

        var realm = $"http://{request.Headers["Host"]}/token";
        await HostileRegistry.RespondAsync(stream, request, 401, unauthorized, "application/json",
            ("WWW-Authenticate", $"Bearer realm=\"{realm}\",service=\"hostile\",scope=\"repository:hostile/block:pull\""));
    };

    private async Task PullAsync(HostileRegistry server, PullLimits? limits = null, bool credentials = false)
    {
        var variables = credentials
            ? new Dictionary<string, string> { [RegistryAuthOptions.UsernameVariable] = "user", [RegistryAuthOptions.PasswordVariable] = "s3cret" }
            : [];
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Auth = RegistryAuthOptions.FromVariables(variables, Path.Combine(_parent, "no-docker-config")),
            Limits = limits ?? PullLimits.Default,
            RequestTimeout = TimeSpan.FromSeconds(2),
            IdleTimeout = TimeSpan.FromSeconds(2),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await new BlockPuller(client).PullAsync(new PullOptions(ImageReference.Parse($"{server.Authority}/hostile/block:1.0.0"), Target), timeout.Token);
    }

    /// <summary>No block, no staging folder, no temporary layer file.</summary>
    private void AssertNothingLeft()
    {
        Assert.False(Directory.Exists(Target));
        var leftovers = Directory.Exists(_parent) ? Directory.GetFileSystemEntries(_parent).Select(Path.GetFileName).ToList() : [];
        Assert.Empty(leftovers);
    }
}
