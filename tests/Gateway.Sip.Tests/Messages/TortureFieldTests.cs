using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Beyond "it parses": the fields of some RFC 4475 valid messages have the values the RFC describes.</summary>
public sealed class TortureFieldTests
{
    private static SipMessage Parse(string file) => ParseValid(VectorFiles.Read("torture", file));

    [Fact]
    public void Wsinv_folded_and_padded_fields_are_read_through_their_white_space()
    {
        using SipMessage message = Parse("wsinv.dat");

        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", Text(message.RequestUri));
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", Text(message.CallId));
        Assert.Equal(9, message.CSeqNumber); // "0009", folded onto "  INVITE"
        Assert.Equal(SipMethod.Invite, message.CSeqMethod);
        Assert.Equal(68, message.MaxForwards); // "MaX-fOrWaRdS: 0068"
        Assert.Equal(150, message.ContentLength);
        Assert.Equal(150, message.Body.Length);

        // "TO :" then the value on a folded line: leading LWS trimmed, the rest raw.
        Assert.Equal("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n", message.GetHeaderString(SipHeaderName.To));
        // "s :" is an empty Subject, present but empty.
        Assert.True(message.TryGetHeaderValue(SipHeaderName.Subject, out ReadOnlySpan<byte> subject));
        Assert.True(subject.IsEmpty);
        // A fold inside a value stays raw.
        Assert.Equal("newfangled value\r\n continued newfangled value", Text(message.GetHeaderValue("NewFangledHeader"u8)));
        // Via twice: once long form with folds, once compact "v:".
        Assert.Equal(2, message.GetHeaderValues(SipHeaderName.Via).Count);
    }

    [Fact]
    public void Intmeth_keeps_an_unusual_extension_method_and_its_CSeq()
    {
        using SipMessage message = Parse("intmeth.dat");

        Assert.Equal(SipMethod.Extension, message.Method);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", Text(message.MethodToken));
        Assert.StartsWith("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@", Text(message.RequestUri));
        Assert.Equal(139122385, message.CSeqNumber);
        Assert.Equal(SipMethod.Extension, message.CSeqMethod);
        Assert.Equal(255, message.MaxForwards);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", Text(message.CallId));
        // The UTF-8 value of an unknown header with no SP after the colon.
        Assert.Equal("\uFEFF\u5927\u505C\u96FB", Text(message.GetHeaderValue("extensionHeader-!.%*+_`'~"u8)));
    }

    [Fact]
    public void Esc02_escapes_are_not_decoded_in_method_or_header_names()
    {
        using SipMessage message = Parse("esc02.dat");

        Assert.Equal(SipMethod.Extension, message.Method);
        Assert.Equal("RE%47IST%45R", Text(message.MethodToken));
        Assert.Equal("RE%47IST%45R", Text(message.CSeqMethodToken));
        // "C%6Fntact" is an unknown header, not a third Contact.
        Assert.Equal(2, message.GetHeaderValues(SipHeaderName.Contact).Count);
        Assert.Equal("<sip:alias2@host2.example.com>", Text(message.GetHeaderValue("C%6Fntact"u8)));
    }

    [Fact]
    public void Esc01_compact_forms_resolve_to_their_headers()
    {
        using SipMessage message = Parse("esc01.dat");

        Assert.Equal("sip:sips%3Auser%40example.com@example.net", Text(message.RequestUri));
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", Text(message.CallId)); // "i:"
        Assert.Equal("application/sdp", message.GetHeaderString(SipHeaderName.ContentType)); // "C:"
    }

    [Fact]
    public void Dblreq_discards_the_datagram_bytes_after_a_zero_length_body()
    {
        byte[] bytes = VectorFiles.Read("torture", "dblreq.dat");
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(SipMethod.Register, message.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", Text(message.CallId)); // "I:"
        Assert.Equal(0, message.ContentLength);
        Assert.True(message.Body.IsEmpty);
        Assert.Equal(bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4, message.Length);
        Assert.DoesNotContain("INVITE", message.ToString());
    }

    [Fact]
    public void Noreason_has_an_empty_reason_phrase_and_unreason_a_utf8_one()
    {
        using (SipMessage message = Parse("noreason.dat"))
        {
            Assert.True(message.IsResponse);
            Assert.Equal(100, message.StatusCode);
            Assert.True(message.ReasonPhrase.IsEmpty);
            Assert.Equal(SipMethod.None, message.Method);
            Assert.Equal(SipMethod.Invite, message.CSeqMethod);
        }

        using (SipMessage message = Parse("unreason.dat"))
        {
            Assert.Equal(200, message.StatusCode);
            Assert.StartsWith("= 2**3 * 5**2 но сто девяносто девять", Text(message.ReasonPhrase));
        }
    }

    [Fact]
    public void Longreq_keeps_all_34_vias_in_order_whatever_their_name_spelling()
    {
        using SipMessage message = Parse("longreq.dat");

        var vias = new List<string>();
        foreach (ReadOnlySpan<byte> via in message.GetHeaderValues(SipHeaderName.Via))
        {
            vias.Add(Text(via));
        }

        Assert.Equal(34, vias.Count);
        Assert.Equal("SIP/2.0/TCP sip33.example.com", vias[0]);
        Assert.Equal("SIP/2.0/TCP sip22.example.com", vias[11]); // "V :  SIP/2.0/TCP sip22..."
        Assert.StartsWith("SIP/2.0/TCP host.example.com;received=192.0.2.5;branch=verylonglong", vias[^1]);
        Assert.Equal(3882340, message.CSeqNumber);
        Assert.Equal(150, message.Body.Length);
    }

    [Fact]
    public void Inv2543_without_content_length_takes_the_rest_of_the_datagram_as_body()
    {
        byte[] bytes = VectorFiles.Read("torture", "inv2543.dat");
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(-1, message.ContentLength);
        Assert.Equal(-1, message.MaxForwards);
        Assert.Equal(105, message.Body.Length);
        Assert.True(message.Body.SequenceEqual(bytes.AsSpan(bytes.Length - 105)));
    }

    [Fact]
    public void Mpart01_binary_body_is_byte_exact()
    {
        byte[] bytes = VectorFiles.Read("torture", "mpart01.dat");
        using SipMessage message = ParseValid(bytes);

        Assert.Equal(SipMethod.Message, message.Method);
        Assert.Equal(553, message.Body.Length);
        Assert.True(message.Body.SequenceEqual(bytes.AsSpan(bytes.Length - 553)));
    }

    [Fact]
    public void Transports_keeps_the_five_via_lines()
    {
        using SipMessage message = Parse("transports.dat");

        Assert.Equal(5, message.GetHeaderValues(SipHeaderName.Via).Count);
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", Text(message.CallId)); // "Call-ID:  " two spaces
    }

    [Fact]
    public void Scalar02_with_its_CSeq_fixed_is_rejected_for_max_forwards()
    {
        byte[] bytes = VectorFiles.Read("torture", "scalar02.dat");
        string text = Text(bytes).Replace("CSeq: 36893488147419103232 REGISTER", "CSeq: 3 REGISTER");
        SipParseResult result = ParseInvalid(Bytes(text), SipParseError.InvalidMaxForwards);
        Assert.Equal(SipHeaderName.MaxForwards, result.Header);
    }

    [Fact]
    public void Badvers_gets_505_and_the_others_400()
    {
        SipParseResult result = SipParser.TryParse(VectorFiles.Read("torture", "badvers.dat"), out SipMessage? message);
        using (message)
        {
            Assert.Equal(505, result.StatusCode);
            Assert.Equal("Version Not Supported", result.GetReasonPhrase());
        }

        result = SipParser.TryParse(VectorFiles.Read("torture", "clerr.dat"), out message);
        using (message)
        {
            Assert.Equal(400, result.StatusCode);
            Assert.Equal("Bad Request - Content-Length exceeds body", result.GetReasonPhrase());
            // The 400 is built from the request's own headers.
            Assert.Equal("clerr.0ha0isndaksdjweiafasdk3", Text(message!.CallId));
            Assert.Equal(8, message.CSeqNumber);
        }
    }
}
