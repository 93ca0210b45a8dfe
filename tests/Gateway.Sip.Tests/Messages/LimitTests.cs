using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Size and header-count limits, and the spill of header entries past the inline capacity.</summary>
public sealed class LimitTests
{
    [Fact]
    public void A_datagram_over_the_size_limit_is_rejected()
    {
        byte[] bytes = Request();
        var options = new SipParserOptions { MaxMessageSize = bytes.Length - 1 };
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message, options);

        Assert.Equal(SipParseError.MessageTooLarge, result.Error);
        Assert.Null(message);
        Assert.Equal(513, result.StatusCode);

        using SipMessage ok = ParseValidWith(bytes, new SipParserOptions { MaxMessageSize = bytes.Length });
    }

    [Fact]
    public void More_header_fields_than_the_limit_stop_the_parse()
    {
        // Request() has 7 header fields of its own: 17 in all.
        byte[] bytes = Request(extra: [.. Enumerable.Range(0, 10).Select(i => $"X-H{i}: {i}")]);
        var options = new SipParserOptions { MaxHeaderCount = 16 };

        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message, options);
        Assert.Equal(SipParseError.TooManyHeaders, result.Error);
        Assert.Null(message);

        using SipMessage ok = ParseValidWith(bytes, new SipParserOptions { MaxHeaderCount = 17 });
        Assert.Equal(17, ok.HeaderCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SipMessage.InlineHeaderCapacity - 7)]
    [InlineData(SipMessage.InlineHeaderCapacity - 6)]
    [InlineData(SipMessage.InlineHeaderCapacity)]
    [InlineData(120)]
    public void Header_entries_beyond_the_inline_capacity_spill_and_stay_in_order(int extraCount)
    {
        // Request() has 7 headers of its own besides the extras.
        byte[] bytes = Request(extra: [.. Enumerable.Range(0, extraCount).Select(i => $"Via: SIP/2.0/UDP h{i}.example.com")]);
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(extraCount + 7, message.HeaderCount);
        int index = -1;
        foreach (ReadOnlySpan<byte> via in message.GetHeaderValues(SipHeaderName.Via))
        {
            Assert.Equal(index < 0 ? "SIP/2.0/UDP host.example.com;branch=z9hG4bK776asdhds" : $"SIP/2.0/UDP h{index}.example.com", Text(via));
            index++;
        }

        Assert.Equal(extraCount, index);
        Assert.Equal("0", Text(message.Headers[message.HeaderCount - 1].Value));
        Assert.Equal(314159, message.CSeqNumber);
    }

    [Fact]
    public void Options_reject_nonsensical_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipParserOptions { MaxMessageSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipParserOptions { MaxHeaderCount = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipParserOptions { MaxHeaderCount = 70_000 });
    }

    private static SipMessage ParseValidWith(byte[] bytes, SipParserOptions options)
    {
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message, options);
        Assert.True(result.IsComplete, result.ToString());
        return message!;
    }
}
