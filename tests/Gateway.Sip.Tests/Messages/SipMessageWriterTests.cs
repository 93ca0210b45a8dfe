using System.Buffers;
using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>What <see cref="SipMessageWriter"/> produces, and what it refuses to produce.</summary>
public sealed class SipMessageWriterTests
{
    [Fact]
    public void A_request_is_written_with_canonical_names_and_a_computed_content_length()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Invite, "sip:+4930123456@gw.example.net;user=phone"u8);
        writer.WriteHeader(SipHeaderName.Via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport"u8);
        writer.WriteHeader(SipHeaderName.MaxForwards, 70);
        writer.WriteHeader(SipHeaderName.CallId, "a84b4c76e66710@pc33.example.com");
        writer.WriteHeader(SipHeaderName.CSeq, "1 INVITE"u8);
        writer.WriteHeader("X-Carrier"u8, "trunk 7");
        writer.WriteHeader("Subject", "Grüße");
        writer.WriteBody([0x01, 0x00, 0xff]);

        Assert.Equal(
            [.. Bytes(
                "INVITE sip:+4930123456@gw.example.net;user=phone SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
                "Max-Forwards: 70\r\n" +
                "Call-ID: a84b4c76e66710@pc33.example.com\r\n" +
                "CSeq: 1 INVITE\r\n" +
                "X-Carrier: trunk 7\r\n" +
                "Subject: Grüße\r\n" +
                "Content-Length: 3\r\n\r\n"), 0x01, 0x00, 0xff],
            output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_response_status_line_is_written_from_code_and_reason()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        writer.WriteStatusLine(183, "Session Progress"u8);
        writer.WriteHeader(SipHeaderName.RSeq, 1);
        writer.WriteBody(default);
        Assert.Equal("SIP/2.0 183 Session Progress\r\nRSeq: 1\r\nContent-Length: 0\r\n\r\n", Text(output.WrittenSpan));

        output.ResetWrittenCount();
        writer = new SipMessageWriter(output);
        writer.WriteStatusLine(400, SipParseErrors.GetReasonPhrase(SipParseError.ContentLengthExceedsBody));
        writer.WriteBody(default);
        Assert.StartsWith("SIP/2.0 400 Bad Request - Content-Length exceeds body\r\n", Text(output.WrittenSpan));
    }

    [Fact]
    public void Content_length_can_be_written_ahead_of_a_body_written_directly()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine("MESSAGE"u8, "sip:bob@example.com"u8);
        writer.WriteHeader("l"u8, 5);
        writer.WriteEndOfHeaders();
        output.Write("hello"u8);

        Assert.Equal("MESSAGE sip:bob@example.com SIP/2.0\r\nl: 5\r\n\r\nhello", Text(output.WrittenSpan));
        Assert.Throws<InvalidOperationException>(() =>
        {
            var again = new SipMessageWriter(new ArrayBufferWriter<byte>());
            again.WriteRequestLine("MESSAGE"u8, "sip:bob@example.com"u8);
            again.WriteHeader(SipHeaderName.ContentLength, 5);
            again.WriteBody("hello"u8);
        });
    }

    [Fact]
    public void A_folded_value_is_accepted_and_parses_back_raw()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Options, "sip:bob@example.com"u8);
        writer.WriteHeader("Subject"u8, "first\r\n second"u8);
        Assert.Contains("Subject: first\r\n second\r\n", Text(output.WrittenSpan));
    }

    [Theory]
    [InlineData("X-Injected", "value\r\nVia: SIP/2.0/UDP evil.example.com")]
    [InlineData("X-Injected", "value\nVia: x")]
    [InlineData("X-Injected", "value\rx")]
    [InlineData("X-Injected", "value\r\n")]
    [InlineData("X-Injected", "\r\n value")]
    [InlineData("Bad Name", "value")]
    [InlineData("Bad:Name", "value")]
    [InlineData("", "value")]
    public void Header_injection_and_non_token_names_are_refused(string name, string value)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Options, "sip:bob@example.com"u8);
        int before = output.WrittenCount;

        bool threw = false;
        try
        {
            writer.WriteHeader(Bytes(name), Bytes(value));
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.True(threw);
        Assert.Equal(before, output.WrittenCount);
    }

    [Theory]
    [InlineData("INVITE", "sip:bob@example.com x")]
    [InlineData("INVITE", "<sip:bob@example.com>")]
    [InlineData("INVITE", "bob@example.com")]
    [InlineData("INVITE", "")]
    [InlineData("IN VITE", "sip:bob@example.com")]
    [InlineData("INVITE\r\n", "sip:bob@example.com")]
    public void A_request_line_the_parser_would_reject_is_refused(string method, string uri)
    {
        var writer = new SipMessageWriter(new ArrayBufferWriter<byte>());
        bool threw = false;
        try
        {
            writer.WriteRequestLine(Bytes(method), Bytes(uri));
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Fact]
    public void Out_of_order_calls_and_bad_arguments_throw()
    {
        Assert.Throws<InvalidOperationException>(() => new SipMessageWriter(new ArrayBufferWriter<byte>()).WriteHeader("To"u8, "x"u8));
        Assert.Throws<InvalidOperationException>(() => new SipMessageWriter(new ArrayBufferWriter<byte>()).WriteBody(default));
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new SipMessageWriter(new ArrayBufferWriter<byte>());
            writer.WriteStatusLine(200, "OK"u8);
            writer.WriteStatusLine(200, "OK"u8);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new SipMessageWriter(new ArrayBufferWriter<byte>());
            writer.WriteStatusLine(200, "OK"u8);
            writer.WriteBody(default);
            writer.WriteHeader("To"u8, "x"u8);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new SipMessageWriter(new ArrayBufferWriter<byte>());
            writer.WriteStatusLine(200, "OK"u8);
            writer.WriteEndOfHeaders();
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipMessageWriter(new ArrayBufferWriter<byte>()).WriteStatusLine(700, "x"u8));
        Assert.Throws<ArgumentException>(() => new SipMessageWriter(new ArrayBufferWriter<byte>()).WriteStatusLine(200, "O\r\nK"u8));
        Assert.Throws<ArgumentException>(() => new SipMessageWriter(new ArrayBufferWriter<byte>()).WriteRequestLine(SipMethod.Extension, "sip:a"u8));
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new SipMessageWriter(new ArrayBufferWriter<byte>());
            writer.WriteStatusLine(200, "OK"u8);
            writer.WriteHeader(SipHeaderName.Unknown, "x"u8);
        });
    }

    [Fact]
    public void Serializing_into_a_reused_buffer_allocates_nothing()
    {
        var output = new ArrayBufferWriter<byte>(4096);
        WriteInvite(output);
        output.ResetWrittenCount();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            WriteInvite(output);
            output.ResetWrittenCount();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void WriteInvite(IBufferWriter<byte> output)
    {
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Invite, "sip:+4930123456@gw.example.net;user=phone"u8);
        writer.WriteHeader(SipHeaderName.Via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport"u8);
        writer.WriteHeader(SipHeaderName.MaxForwards, 70);
        writer.WriteHeader(SipHeaderName.CSeq, "1 INVITE"u8);
        writer.WriteHeader(SipHeaderName.Subject, "a string value");
        writer.WriteBody("v=0\r\n"u8);
    }
}
