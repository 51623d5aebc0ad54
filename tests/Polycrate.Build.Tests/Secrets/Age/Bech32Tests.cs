using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Tests.Secrets.Age;

public sealed class Bech32Tests
{
    [Fact]
    public void Round_trips_data_in_lower_and_upper_case()
    {
        var data = AgeTestSupport.RandomBytes(32);
        var lower = Bech32.Encode("age", data);
        var upper = Bech32.Encode("AGE-SECRET-KEY-", data);

        Assert.StartsWith("age1", lower, StringComparison.Ordinal);
        Assert.StartsWith("AGE-SECRET-KEY-1", upper, StringComparison.Ordinal);
        Assert.True(Bech32.TryDecode(lower, out var hrp1, out var d1));
        Assert.True(Bech32.TryDecode(upper, out var hrp2, out var d2));
        Assert.Equal("age", hrp1);
        Assert.Equal("age-secret-key-", hrp2);
        Assert.Equal(data, d1);
        Assert.Equal(data, d2);
    }

    [Fact]
    public void Decodes_the_spec_example_recipient_of_the_spec_example_identity()
    {
        // Both strings come from the C2SP age specification.
        var identity = X25519Identity.Parse("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
        Assert.Equal("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", identity.Recipient.ToString());
    }

    [Fact]
    public void Rejects_a_bad_checksum()
    {
        var good = Bech32.Encode("age", AgeTestSupport.RandomBytes(32));
        var last = good[^1];
        var bad = good[..^1] + (last == 'q' ? 'p' : 'q');

        Assert.False(Bech32.TryDecode(bad, out _, out _));
        var ex = Assert.Throws<AgeException>(() => X25519Recipient.Parse(bad));
        Assert.Equal("PCB5001", ex.Code);
    }

    [Fact]
    public void Rejects_mixed_case()
    {
        var good = Bech32.Encode("age", AgeTestSupport.RandomBytes(32));
        Assert.False(Bech32.TryDecode("AGE" + good[3..], out _, out _));
    }
}
