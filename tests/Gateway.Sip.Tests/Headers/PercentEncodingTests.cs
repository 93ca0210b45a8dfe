using System.Text;

namespace Gateway.Sip.Tests;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain", true)]
    [InlineData("%41%6a", true)]
    [InlineData("%", false)]
    [InlineData("%4", false)]
    [InlineData("%4g", false)]
    [InlineData("a%zz", false)]
    public void Checks_escapes(string text, bool wellFormed) => Assert.Equal(wellFormed, PercentEncoding.IsWellFormed(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void Decodes_to_exact_bytes()
    {
        Assert.Equal(new byte[] { (byte)'a', 0, 0xFF, (byte)'b' }, PercentEncoding.Decode("a%00%ffb"u8));
        Assert.Equal("I have spaces", PercentEncoding.DecodeToString("I%20have%20spaces"u8));
        Assert.Equal("null-\0-null", PercentEncoding.DecodeToString("null-%00-null"u8));
        Assert.Equal("ж", PercentEncoding.DecodeToString("%D0%B6"u8));
    }

    [Fact]
    public void Compares_after_decoding()
    {
        Assert.True(PercentEncoding.DecodedEquals("%61lice"u8, "alice"u8));
        Assert.False(PercentEncoding.DecodedEquals("%00"u8, "%00%00"u8));
        Assert.False(PercentEncoding.DecodedEquals("Alice"u8, "alice"u8));
    }
}
