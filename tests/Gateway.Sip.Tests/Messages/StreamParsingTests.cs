using System.Buffers;
using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>The stream form: Content-Length framing, partial reads, pipelining, keep-alives, framing loss.</summary>
public sealed class StreamParsingTests
{
    // The body ends in CRLF CRLF too, so a parser that framed by the empty line instead of Content-Length would be caught.
    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n\r\n";

    private static readonly byte[] Invite = Bytes(Text(Request("INVITE"))
        .Replace("Content-Length: 0\r\n\r\n", $"Content-Type: application/sdp\r\nContent-Length: {Sdp.Length}\r\n\r\n{Sdp}"));

    [Fact]
    public void A_whole_message_in_one_segment_is_parsed_and_consumed()
    {
        var buffer = new ReadOnlySequence<byte>(Invite);
        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out SequencePosition examined, out SipMessage? message);

        using (message)
        {
            Assert.True(result.IsComplete, result.ToString());
            Assert.Equal(buffer.End, consumed);
            Assert.Equal(buffer.End, examined);
            Assert.Equal(Sdp, Text(message!.Body));
            Assert.True(message.Span.SequenceEqual(Invite));
        }
    }

    [Fact]
    public void Split_at_every_byte_boundary_the_result_is_the_one_shot_result()
    {
        string oneShot = ParseOutcome.DescribeStream(new ReadOnlySequence<byte>(Invite));
        for (int cut = 1; cut < Invite.Length; cut++)
        {
            Assert.Equal(oneShot, ParseOutcome.DescribeStream(SequenceBuilder.Split(Invite, cut)));
        }

        Assert.Equal(oneShot, ParseOutcome.DescribeStream(SequenceBuilder.Bytewise(Invite)));
    }

    [Fact]
    public void Every_proper_prefix_needs_more_data_and_consumes_nothing()
    {
        for (int length = 0; length < Invite.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(Invite, 0, length);
            SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out SequencePosition examined, out SipMessage? message);

            Assert.Equal(SipParseStatus.NeedMoreData, result.Status);
            Assert.Null(message);
            Assert.Equal(buffer.Start, consumed);
            Assert.Equal(buffer.End, examined);
        }
    }

    [Fact]
    public void Two_pipelined_messages_are_parsed_one_after_the_other()
    {
        byte[] bye = VectorFiles.Read("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin");
        byte[] both = [.. Invite, .. bye];
        ReadOnlySequence<byte> buffer = SequenceBuilder.Split(both, Invite.Length - 3, Invite.Length + 10);

        SipParseResult first = SipParser.TryParseStream(buffer, out SequencePosition consumed, out _, out SipMessage? invite);
        using (invite)
        {
            Assert.True(first.IsComplete);
            Assert.Equal(SipMethod.Invite, invite!.Method);
            Assert.Equal(Invite.Length, buffer.Slice(0, consumed).Length);
        }

        buffer = buffer.Slice(consumed);
        SipParseResult second = SipParser.TryParseStream(buffer, out consumed, out _, out SipMessage? byeMessage);
        using (byeMessage)
        {
            Assert.True(second.IsComplete);
            Assert.Equal(SipMethod.Bye, byeMessage!.Method);
            Assert.Equal(new byte[] { 0x0c, 0x02, 0x00, 0x02, 0x83, 0x9f }, byeMessage.Body.ToArray());
            Assert.Equal(buffer.End, consumed);
        }

        Assert.Equal(SipParseStatus.NeedMoreData, SipParser.TryParseStream(buffer.Slice(consumed), out _, out _, out _).Status);
    }

    [Fact]
    public void A_crlfcrlf_ping_is_a_keep_alive_and_a_lone_crlf_is_skipped()
    {
        byte[] bytes = [.. "\r\n\r\n"u8, .. "\r\n"u8, .. Invite];
        var buffer = new ReadOnlySequence<byte>(bytes);

        SipParseResult ping = SipParser.TryParseStream(buffer, out SequencePosition consumed, out _, out SipMessage? none);
        Assert.Equal(SipParseStatus.KeepAlive, ping.Status);
        Assert.Null(none);
        Assert.Equal(4, buffer.Slice(0, consumed).Length);

        buffer = buffer.Slice(consumed);
        SipParseResult result = SipParser.TryParseStream(buffer, out consumed, out _, out SipMessage? message);
        using (message)
        {
            Assert.True(result.IsComplete);
            Assert.True(message!.Span.SequenceEqual(Invite));
            Assert.Equal(buffer.End, consumed);
        }
    }

    [Theory]
    [InlineData("\r", 0)]
    [InlineData("\r\n\r", 0)]
    [InlineData("\r\n", 2)]
    public void A_partial_keep_alive_waits_for_more(string text, int consumedBytes)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(text));
        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out SequencePosition examined, out _);

        Assert.Equal(SipParseStatus.NeedMoreData, result.Status);
        Assert.Equal(consumedBytes, buffer.Slice(0, consumed).Length);
        Assert.Equal(buffer.End, examined);
    }

    [Fact]
    public void A_stream_message_without_content_length_is_answerable_but_loses_framing()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Content-Length: 0\r\n", ""));
        var buffer = new ReadOnlySequence<byte>([.. bytes, .. Invite]);

        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out _, out SipMessage? message);
        using (message)
        {
            Assert.Equal(SipParseError.MissingContentLength, result.Error);
            Assert.True(result.CanRespond);
            Assert.True(result.FramingLost);
            Assert.Equal(buffer.End, consumed);
            Assert.Equal("a84b4c76e66710@pc33.example.com", Text(message!.CallId));
        }
    }

    [Theory]
    [InlineData("Content-Length: x", SipParseError.InvalidContentLength)]
    [InlineData("Content-Length: 0\r\nl: 0", SipParseError.MultipleContentLength)]
    public void A_bad_content_length_on_a_stream_loses_framing(string line, SipParseError error)
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Content-Length: 0", line));
        SipParseResult result = SipParser.TryParseStream(new ReadOnlySequence<byte>(bytes), out _, out _, out SipMessage? message);
        message?.Dispose();

        Assert.Equal(error, result.Error);
        Assert.True(result.FramingLost);
        Assert.True(result.CanRespond);
    }

    [Fact]
    public void An_invalid_message_with_intact_framing_is_skipped_whole_and_the_next_one_parses()
    {
        byte[] bad = Bytes(Text(Request("OPTIONS")).Replace("CSeq: 314159 OPTIONS", "CSeq: 314159 INVITE"));
        var buffer = new ReadOnlySequence<byte>([.. bad, .. Invite]);

        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out _, out SipMessage? message);
        message?.Dispose();
        Assert.Equal(SipParseError.CSeqMethodMismatch, result.Error);
        Assert.False(result.FramingLost);
        Assert.Equal(bad.Length, buffer.Slice(0, consumed).Length);

        SipParseResult next = SipParser.TryParseStream(buffer.Slice(consumed), out _, out _, out SipMessage? invite);
        using (invite)
        {
            Assert.True(next.IsComplete);
        }
    }

    [Fact]
    public void An_unterminated_header_section_waits_up_to_the_size_limit_then_is_rejected()
    {
        var options = new SipParserOptions { MaxMessageSize = 512 };
        byte[] start = Bytes("INVITE sip:bob@example.com SIP/2.0\r\nX-Filler: " + new string('a', 400));
        Assert.Equal(SipParseStatus.NeedMoreData, SipParser.TryParseStream(new ReadOnlySequence<byte>(start), out _, out _, out _, options).Status);

        byte[] longer = [.. start, .. Bytes(new string('a', 200))];
        var buffer = new ReadOnlySequence<byte>(longer);
        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out _, out SipMessage? message, options);
        Assert.Equal(SipParseError.MessageTooLarge, result.Error);
        Assert.True(result.FramingLost);
        Assert.Null(message);
        Assert.Equal(buffer.End, consumed);
    }

    [Fact]
    public void A_declared_body_beyond_the_size_limit_is_rejected_without_waiting_for_it()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Content-Length: 0", "Content-Length: 70000"));
        SipParseResult result = SipParser.TryParseStream(new ReadOnlySequence<byte>(bytes), out _, out _, out SipMessage? message);
        using (message)
        {
            Assert.Equal(SipParseError.BodyTooLarge, result.Error);
            Assert.Equal(513, result.StatusCode);
            Assert.True(result.FramingLost);
            Assert.True(result.CanRespond);
        }
    }

    [Fact]
    public void A_bare_lf_inside_the_header_section_stops_the_parse_and_loses_framing()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\n"));
        SipParseResult result = SipParser.TryParseStream(new ReadOnlySequence<byte>(bytes), out _, out _, out SipMessage? message);

        Assert.Equal(SipParseError.InvalidLineEnding, result.Error);
        Assert.True(result.FramingLost);
        Assert.Null(message);
    }

    [Fact]
    public void A_response_split_across_segments_keeps_its_binary_body()
    {
        byte[] bytes = VectorFiles.Read("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        string oneShot = ParseOutcome.DescribeStream(new ReadOnlySequence<byte>(bytes));
        Assert.StartsWith("Complete|", oneShot);
        Assert.Equal(oneShot, ParseOutcome.DescribeStream(SequenceBuilder.Split(bytes, 100, 590, 596, 900)));
        Assert.Equal(oneShot, ParseOutcome.DescribeStream(SequenceBuilder.Bytewise(bytes)));
    }
}
