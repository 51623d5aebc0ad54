using System.Buffers.Binary;
using System.Text;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Tests.Execution.Docker;

public sealed class StdCopyDemultiplexerTests
{
    private static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static (List<string> Stdout, List<string> Stderr) Demultiplex(byte[] data, int chunkSize)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var outLines = new OutputLineSplitter(stdout.Add);
        var errLines = new OutputLineSplitter(stderr.Add);
        var demultiplexer = new StdCopyDemultiplexer((stream, payload) =>
            (stream == StdStream.Stdout ? outLines : errLines).Write(payload));
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            demultiplexer.Write(data.AsSpan(offset, Math.Min(chunkSize, data.Length - offset)));
        }

        Assert.True(demultiplexer.IsAtFrameBoundary);
        outLines.Flush();
        errLines.Flush();
        return (stdout, stderr);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(4096)]
    public void Frames_split_across_reads_are_separated_into_stdout_and_stderr(int chunkSize)
    {
        var data = Frame(1, "out one\nout ")
            .Concat(Frame(2, "err one\r\n"))
            .Concat(Frame(1, "two\n"))
            .Concat(Frame(2, "grüße ✓\nlast without newline"))
            .ToArray();

        var (stdout, stderr) = Demultiplex(data, chunkSize);

        Assert.Equal(["out one", "out two"], stdout);
        Assert.Equal(["err one", "grüße ✓", "last without newline"], stderr);
    }

    [Fact]
    public void Empty_frames_and_large_payloads_pass_through()
    {
        var big = new string('x', 100_000);
        var data = Frame(1, "").Concat(Frame(1, big + "\n")).ToArray();

        var (stdout, stderr) = Demultiplex(data, 1000);

        Assert.Equal([big], stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void A_stream_cut_inside_a_frame_is_not_at_a_frame_boundary()
    {
        var demultiplexer = new StdCopyDemultiplexer((_, _) => { });
        var frame = Frame(1, "hello");

        demultiplexer.Write(frame.AsSpan(0, 10));

        Assert.False(demultiplexer.IsAtFrameBoundary);
    }

    [Fact]
    public void Unknown_frame_types_fail_with_a_hint()
    {
        var demultiplexer = new StdCopyDemultiplexer((_, _) => { });

        var ex = Assert.Throws<InvalidDataException>(() => demultiplexer.Write(Frame(7, "x")));

        Assert.Contains("TTY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multibyte_characters_split_between_writes_decode_correctly()
    {
        var lines = new List<string>();
        var splitter = new OutputLineSplitter(lines.Add);
        var bytes = Encoding.UTF8.GetBytes("ä€𝄞\n");

        foreach (var b in bytes)
        {
            splitter.Write([b]);
        }

        splitter.Flush();
        Assert.Equal(["ä€𝄞"], lines);
    }
}
