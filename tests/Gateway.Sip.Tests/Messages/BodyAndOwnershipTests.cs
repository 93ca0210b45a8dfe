using System.Buffers;
using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Bodies reach <see cref="SipMessage.Body"/> byte-exact, and the message owns and returns its buffer.</summary>
public sealed class BodyAndOwnershipTests
{
    [Fact]
    public void A_sip_i_183_multipart_body_with_a_binary_isup_part_is_byte_exact()
    {
        byte[] bytes = VectorFiles.Read("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(183, message.StatusCode);
        Assert.Equal("Session Progress", Text(message.ReasonPhrase));
        Assert.Equal(408, message.ContentLength);
        Assert.Equal("multipart/mixed;boundary=unique-boundary-1", message.GetHeaderString(SipHeaderName.ContentType));
        Assert.True(message.Body.SequenceEqual(bytes.AsSpan(bytes.Length - 408)));
        // The ISUP ACM inside the multipart body: 06 12 00 01 29 01 01 00.
        Assert.True(message.Body.IndexOf(new byte[] { 0x06, 0x12, 0x00, 0x01, 0x29, 0x01, 0x01, 0x00 }) > 0);
        Assert.True(message.BodyMemory.Span.SequenceEqual(message.Body));
    }

    [Fact]
    public void A_sip_t_bye_with_a_binary_isup_rel_body_is_byte_exact()
    {
        byte[] bytes = VectorFiles.Read("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin");
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(SipMethod.Bye, message.Method);
        Assert.Equal(3, message.CSeqNumber); // "CSeq:  3 BYE", two spaces
        Assert.Equal("Q.850; cause=31", message.GetHeaderString(SipHeaderName.Reason));
        Assert.Equal("signal; handling=optional", message.GetHeaderString(SipHeaderName.ContentDisposition));
        Assert.Equal(new byte[] { 0x0c, 0x02, 0x00, 0x02, 0x83, 0x9f }, message.Body.ToArray());
    }

    [Fact]
    public void Without_content_length_a_datagram_body_runs_to_the_end_of_the_datagram()
    {
        byte[] body = [0x00, 0x0d, 0x0a, 0x0d, 0x0a, 0xff, 0x80];
        byte[] bytes = [.. Bytes(Text(Request()).Replace("Content-Length: 0\r\n", "")), .. body];

        using SipMessage message = ParseValid(bytes);
        Assert.Equal(-1, message.ContentLength);
        Assert.Equal(body, message.Body.ToArray());
    }

    [Fact]
    public void Bytes_after_content_length_are_discarded_and_a_short_body_is_rejected()
    {
        byte[] headers = Bytes(Text(Request()).Replace("Content-Length: 0", "Content-Length: 4"));
        using (SipMessage message = ParseValid([.. headers, .. "bodyEXTRA"u8]))
        {
            Assert.Equal("body", Text(message.Body));
            Assert.Equal(headers.Length + 4, message.Length);
        }

        SipParseResult result = ParseInvalid([.. headers, .. "bod"u8], SipParseError.ContentLengthExceedsBody);
        Assert.True(result.CanRespond);
    }

    [Theory]
    [InlineData("Content-Length: -1")]
    [InlineData("Content-Length: 1a")]
    [InlineData("Content-Length: ")]
    [InlineData("Content-Length: 99999999999")]
    [InlineData("Content-Length: 1 2")]
    public void A_content_length_that_is_not_digits_in_range_is_invalid(string line)
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Content-Length: 0", line));
        ParseInvalid(bytes, SipParseError.InvalidContentLength);
    }

    [Fact]
    public void A_datagram_handed_over_in_a_pooled_array_is_parsed_in_place()
    {
        var pool = new CountingPool();
        byte[] request = Request();
        byte[] buffer = pool.Rent(2048);
        request.CopyTo(buffer, 2);
        "\r\n"u8.CopyTo(buffer);

        SipParseResult result = SipParser.TryParse(buffer, request.Length + 2, pool, out SipMessage? message);

        Assert.True(result.IsComplete);
        Assert.True(message!.Memory.Span.SequenceEqual(request));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(message.Memory, out ArraySegment<byte> segment));
        Assert.Same(buffer, segment.Array);
        Assert.Equal(2, segment.Offset); // the leading CRLF is not part of the message
        Assert.Equal(0, pool.Returned);

        message.Dispose();
        message.Dispose();
        Assert.Equal(1, pool.Returned);
    }

    [Fact]
    public void A_handed_over_array_goes_back_to_its_pool_when_no_message_is_made()
    {
        var pool = new CountingPool();
        byte[] buffer = pool.Rent(64);
        "garbage\r\n"u8.CopyTo(buffer);

        SipParseResult result = SipParser.TryParse(buffer, 9, pool, out SipMessage? message);

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Null(message);
        Assert.Equal(1, pool.Returned);
    }

    [Fact]
    public void A_disposed_message_refuses_access_instead_of_reading_recycled_memory()
    {
        SipMessage message = ParseValid(Request());
        message.Dispose();

        Assert.Throws<ObjectDisposedException>(() => message.Body.Length);
        Assert.Throws<ObjectDisposedException>(() => message.CallId.Length);
        Assert.Throws<ObjectDisposedException>(() => message.Memory);
        Assert.Equal("(disposed SipMessage)", message.ToString());
    }

    [Fact]
    public void Write_to_re_emits_the_message_byte_for_byte()
    {
        foreach (string file in new[] { "wsinv.dat", "intmeth.dat", "longreq.dat", "mpart01.dat", "unreason.dat", "esc02.dat" })
        {
            byte[] bytes = VectorFiles.Read("torture", file);
            using SipMessage message = ParseValid(bytes);
            var output = new ArrayBufferWriter<byte>();
            message.WriteTo(output);
            Assert.Equal(bytes, output.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void To_string_decodes_the_message_for_diagnostics()
    {
        using SipMessage message = ParseValid(Request());
        Assert.Equal(Text(Request()), message.ToString());
    }

    [Fact]
    public void A_keep_alive_datagram_is_reported_as_such_and_an_empty_one_as_invalid()
    {
        Assert.Equal(SipParseStatus.KeepAlive, SipParser.TryParse("\r\n\r\n"u8, out SipMessage? message).Status);
        Assert.Null(message);
        Assert.Equal(SipParseStatus.KeepAlive, SipParser.TryParse("\r\n"u8, out _).Status);
        Assert.Equal(SipParseError.EmptyMessage, SipParser.TryParse(ReadOnlySpan<byte>.Empty, out _).Error);
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Returned { get; private set; }

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false) => Returned++;
    }
}
