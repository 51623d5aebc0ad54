using System.Net;
using System.Text.Json;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Tests.Execution.Docker;

public sealed class DockerClientTests
{
    private static DockerClient Client(FakeDockerHandler handler) =>
        new(new DockerTransport(DockerEndpoint.Default, handler));

    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.43", "1.43")]
    [InlineData("1.51", "1.45")]
    public async Task Api_version_is_the_engines_capped_at_the_newest_known(string engine, string expected)
    {
        var handler = FakeDockerHandler.WithApi(engine, (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = Client(handler);

        await client.StartContainerAsync("abc", CancellationToken.None);

        Assert.Equal(expected, await client.GetNegotiatedApiVersionAsync(CancellationToken.None));
        Assert.Equal($"/v{expected}/containers/abc/start", handler.Requests[^1].PathAndQuery);
        Assert.Single(handler.Requests, r => r.PathAndQuery == "/version");
    }

    [Fact]
    public async Task Engines_older_than_the_minimum_are_refused()
    {
        var handler = FakeDockerHandler.WithApi("1.30", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<ContainerException>(() => client.StartContainerAsync("abc", CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.ApiVersionTooOld, ex.Code);
        Assert.Contains("1.30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_errors_carry_message_method_path_and_status()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) =>
            FakeDockerHandler.Json(HttpStatusCode.Conflict, """{"message":"Conflict. The container name \"/x\" is already in use"}"""));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<DockerApiException>(() =>
            client.CreateContainerAsync(new ContainerSpec { Image = "busybox", Name = "x" }, CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.EngineError, ex.Code);
        Assert.Equal("POST", ex.Method);
        Assert.Equal("/v1.41/containers/create", ex.Path);
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("Conflict. The container name \"/x\" is already in use", ex.EngineMessage);
        Assert.Contains("POST /v1.41/containers/create", ex.Message, StringComparison.Ordinal);
        Assert.Contains("409", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"message":"  no such image  "}""", "no such image")]
    [InlineData("plain text error\n", "plain text error")]
    [InlineData("", "(no message)")]
    [InlineData("""{"other":"x"}""", """{"other":"x"}""")]
    public void Error_bodies_reduce_to_their_message(string body, string expected) =>
        Assert.Equal(expected, DockerTransport.ErrorMessageOf(body));

    [Fact]
    public async Task Missing_image_inspects_as_null()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) =>
            FakeDockerHandler.Json(HttpStatusCode.NotFound, """{"message":"No such image: nope:1"}"""));
        using var client = Client(handler);

        Assert.Null(await client.InspectImageAsync("nope:1", CancellationToken.None));
    }

    [Fact]
    public async Task Errors_inside_a_pull_stream_fail_the_pull()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK,
            "{\"status\":\"Pulling from library/x\",\"id\":\"1\"}\r\n"
            + "{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}\r\n"));
        using var client = Client(handler);
        var progress = new List<string>();

        var ex = await Assert.ThrowsAsync<ContainerException>(() =>
            client.PullImageAsync("registry.local:5000/team/x:1.2", progress.Add, CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.StreamError, ex.Code);
        Assert.Contains("manifest unknown", ex.Message, StringComparison.Ordinal);
        Assert.Contains("registry.local:5000/team/x:1.2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["1 Pulling from library/x"], progress);
        Assert.EndsWith("/images/create?fromImage=registry.local%3A5000%2Fteam%2Fx&tag=1.2", handler.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_streams_output_lines_and_returns_the_image_id()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK,
            "{\"stream\":\"Step 1/2 : FROM base\\n\"}\r\n"
            + "{\"stream\":\"line a\\nline b\\n\"}\r\n"
            + "{\"aux\":{\"ID\":\"sha256:abc\"}}\r\n"
            + "{\"stream\":\"Successfully built abc\\n\"}\r\n"));
        using var client = Client(handler);
        var output = new List<string>();

        var id = await client.BuildImageAsync(
            new ImageBuildRequest
            {
                WriteContext = (body, ct) => body.WriteAsync("tar bytes"u8.ToArray(), ct).AsTask(),
                Dockerfile = "sub/Dockerfile.poly",
                Tags = ["polycrate-workspace-x:0123"],
                Labels = new Dictionary<string, string> { ["a"] = "b" },
                OnOutput = output.Add,
            },
            CancellationToken.None);

        Assert.Equal("sha256:abc", id);
        Assert.Equal(["Step 1/2 : FROM base", "line a", "line b", "Successfully built abc"], output);
        var request = handler.Requests[^1];
        Assert.Equal("tar bytes", request.Body);
        Assert.Contains("dockerfile=sub%2FDockerfile.poly", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("&t=polycrate-workspace-x%3A0123", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("&labels=%7B%22a%22%3A%22b%22%7D", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_errorDetail_in_the_build_output_fails_the_build()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK,
            "{\"stream\":\"Step 2/2 : RUN false\\n\"}\r\n"
            + "{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"},\"error\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"}\r\n"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<ContainerException>(() => client.BuildImageAsync(
            new ImageBuildRequest { WriteContext = (_, _) => Task.CompletedTask, Tags = ["t:1"] },
            CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.StreamError, ex.Code);
        Assert.Contains("returned a non-zero code: 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_environment_travels_in_the_request_body()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) =>
            FakeDockerHandler.Json(HttpStatusCode.Created, """{"Id":"c0ffee","Warnings":[]}"""));
        using var client = Client(handler);

        var id = await client.CreateContainerAsync(
            new ContainerSpec
            {
                Image = "polycrate-toolchain:bookworm-1",
                Name = "run-1",
                Command = ["/bin/bash", "-c", "echo hi"],
                Environment = [new("TOKEN", "a=b c"), new("EMPTY", "")],
                Binds = [new BindMount("/ws", "/workspace"), new BindMount("/keys", "/keys", ReadOnly: true)],
                Labels = new Dictionary<string, string> { ["polycrate.txid"] = "t1" },
                NetworkMode = "polycrate-net",
                WorkingDirectory = "/workspace/blocks/x",
            },
            CancellationToken.None);

        Assert.Equal("c0ffee", id);
        var (_, path, body) = handler.Requests[^1];
        Assert.Equal("/v1.41/containers/create?name=run-1", path);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(["TOKEN=a=b c", "EMPTY="], root.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!));
        Assert.False(root.GetProperty("Tty").GetBoolean());
        Assert.Equal("/workspace/blocks/x", root.GetProperty("WorkingDir").GetString());
        var hostConfig = root.GetProperty("HostConfig");
        Assert.Equal(["/ws:/workspace", "/keys:/keys:ro"], hostConfig.GetProperty("Binds").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("polycrate-net", hostConfig.GetProperty("NetworkMode").GetString());
        Assert.False(root.TryGetProperty("Entrypoint", out _));
    }

    [Fact]
    public async Task Listing_filters_by_labels()
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK,
            """[{"Id":"1","Names":["/a"],"Image":"img","State":"running","Labels":{"k":"v"}}]"""));
        using var client = Client(handler);

        var list = await client.ListContainersAsync(new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);

        Assert.Equal("running", Assert.Single(list).State);
        Assert.EndsWith("/containers/json?all=1&filters=%7B%22label%22%3A%5B%22k%3Dv%22%5D%7D", handler.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("localhost:5000/team/img", "localhost:5000/team/img", "latest")]
    [InlineData("localhost:5000/team/img:2", "localhost:5000/team/img", "2")]
    [InlineData("img@sha256:0123", "img", "sha256:0123")]
    public void References_split_into_name_and_tag(string reference, string name, string tag) =>
        Assert.Equal((name, tag), DockerClient.SplitReference(reference));

    [Theory]
    [InlineData("img?x=1")]
    [InlineData("img/../../containers")]
    [InlineData("a b")]
    [InlineData("")]
    public async Task References_that_could_change_the_request_are_refused(string reference)
    {
        var handler = FakeDockerHandler.WithApi("1.41", (_, _) => FakeDockerHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<ContainerException>(() => client.InspectImageAsync(reference, CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.InvalidImageReference, ex.Code);
    }

    [Fact]
    public async Task No_engine_at_the_socket_is_a_clear_error_naming_the_socket()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"pcb-no-engine-{Guid.NewGuid():N}.sock");
        using var client = new DockerClient(new DockerClientOptions { Endpoint = DockerEndpoint.Unix(socket) });

        var ex = await Assert.ThrowsAsync<ContainerException>(() => client.PingAsync(CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.EngineUnavailable, ex.Code);
        Assert.Contains(socket, ex.Message, StringComparison.Ordinal);
        Assert.Contains("systemctl start docker", ex.Message, StringComparison.Ordinal);
        Assert.Contains("eng/start-docker.sh", ex.Message, StringComparison.Ordinal);
    }
}
