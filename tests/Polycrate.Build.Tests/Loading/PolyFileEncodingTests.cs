using System.Text;
using Polycrate.Build.Limits;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>A .poly file is read in one step from its bytes; its encoding is still chosen by its byte-order mark, as a StreamReader would.</summary>
public sealed class PolyFileEncodingTests
{
    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16LE", "utf-16BE", "utf-32LE", "utf-32BE"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16LE" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-32LE" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        _ => [.. new UTF32Encoding(true, true).GetPreamble(), .. new UTF32Encoding(true, true).GetBytes(text)],
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decoding_matches_a_stream_reader_that_detects_byte_order_marks(string encoding)
    {
        var bytes = Encode("name: größe-€-😀\n", encoding);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        Assert.Equal(reader.ReadToEnd(), TextDecoding.Decode(bytes));
        Assert.Equal("name: größe-€-😀\n", TextDecoding.Decode(bytes));
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_as_before()
    {
        byte[] bytes = [(byte)'a', 0xC3, (byte)'b', 0xFF];
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        Assert.Equal(reader.ReadToEnd(), TextDecoding.Decode(bytes));
    }

    [Fact]
    public async Task A_workspace_poly_in_utf16_with_its_mark_loads()
    {
        using var workspace = new TempWorkspace();
        await File.WriteAllBytesAsync(workspace.PathOf("workspace.poly"), Encode("name: wide\ndescription: größe\n", "utf-16LE"));

        var result = await workspace.LoadAsync();

        Assert.Equal("wide", result.Workspace.Name);
        Assert.Equal("größe", result.Workspace.Description);
    }
}
