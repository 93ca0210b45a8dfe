using System.Text;

namespace Gateway.Sip.Tests;

public sealed class SipSyntaxTests
{
    [Theory]
    [InlineData("abc", 0, 0)]
    [InlineData("  \tabc", 0, 3)]
    [InlineData("\r\n abc", 0, 3)]
    [InlineData(" \r\n\t\r\n  abc", 0, 8)]
    [InlineData("\r\nabc", 0, 0)]
    [InlineData(" \r\n", 0, 1)]
    [InlineData("a  b", 1, 3)]
    public void Skips_whitespace_and_folds_but_not_line_ends(string text, int from, int expected) =>
        Assert.Equal(expected, SipSyntax.SkipLinearWhitespace(Encoding.ASCII.GetBytes(text), from));

    [Theory]
    [InlineData("  value  ", "value")]
    [InlineData("\r\n value\r\n", "value")]
    [InlineData("\t", "")]
    [InlineData("a b", "a b")]
    public void Trims_values(string text, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(SipSyntax.TrimLinearWhitespace(Encoding.ASCII.GetBytes(text))));

    [Theory]
    [InlineData("abc-.!%*_+`'~123", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a;b", false)]
    [InlineData("a\"", false)]
    [InlineData("é", false)]
    public void Recognises_tokens(string text, bool token) => Assert.Equal(token, SipSyntax.IsToken(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"a b\"", "a b")]
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]
    [InlineData("\"fold\r\n here\"", "fold here")]
    [InlineData("\"tab\tok\"", "tab\tok")]
    [InlineData("\"ж日本\"", "ж日本")]
    [InlineData("\"\\\u0007\"", "\u0007")]
    public void Scans_and_unquotes_quoted_strings(string text, string content)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text + "rest");
        Assert.True(SipSyntax.TryScanQuotedString(bytes, 0, out int end));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), end);
        Assert.Equal(content, SipSyntax.Unquote(bytes.AsSpan(0, end)));
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("\"a\\")]
    [InlineData("\"a\r\nb\"")]
    [InlineData("\"a\nb\"")]
    [InlineData("\"a\\\rb\"")]
    [InlineData("\"\u0001\"")]
    [InlineData("\"\u007F\"")]
    [InlineData("no quote")]
    public void Rejects_malformed_quoted_strings(string text) => Assert.False(SipSyntax.TryScanQuotedString(Encoding.UTF8.GetBytes(text), 0, out _));

    [Fact]
    public void Rejects_quoted_strings_that_are_not_utf8()
    {
        Assert.False(SipSyntax.TryScanQuotedString([(byte)'"', 0xFF, (byte)'"'], 0, out _));
        Assert.False(SipSyntax.TryScanQuotedString([(byte)'"', 0xE2, 0x80, (byte)'"'], 0, out _));
        Assert.False(SipSyntax.TryScanQuotedString([(byte)'"', (byte)'\\', 0xC3, 0xA9, (byte)'"'], 0, out _));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"")]
    [InlineData("a\r\nb", "\"a  b\"")]
    [InlineData("bell\u0007", "\"bell\\\u0007\"")]
    public void Quotes_text(string text, string quoted)
    {
        Assert.Equal(quoted, SipSyntax.Quote(text));
        byte[] bytes = Encoding.UTF8.GetBytes(quoted);
        Assert.True(SipSyntax.TryScanQuotedString(bytes, 0, out int end));
        Assert.Equal(bytes.Length, end);
    }

    [Fact]
    public void Reads_sws_padded_separators()
    {
        byte[] text = "a \r\n ; \tb"u8.ToArray();
        int index = 1;
        Assert.False(SipSyntax.TryReadSeparator(text, ref index, (byte)','));
        Assert.Equal(1, index);
        Assert.True(SipSyntax.TryReadSeparator(text, ref index, (byte)';'));
        Assert.Equal((byte)'b', text[index]);
    }
}
