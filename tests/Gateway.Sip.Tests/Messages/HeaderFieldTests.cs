using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Header field framing and the raw values the message exposes (RFC 3261 §7.3).</summary>
public sealed class HeaderFieldTests
{
    [Fact]
    public void Headers_are_kept_in_wire_order_with_names_as_received()
    {
        byte[] bytes = Message(
            "",
            "INVITE sip:bob@example.com SIP/2.0",
            "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1",
            "X-Carrier-Route: trunk-7",
            "Max-Forwards: 70",
            "t: <sip:bob@example.com>",
            "f: <sip:alice@example.com>;tag=1",
            "i: call-1@a.example.com",
            "CSeq: 1 INVITE",
            "P-Asserted-Identity: <tel:+4940111222>",
            "x-another: second unknown",
            "l: 0");
        using SipMessage message = ParseValid(bytes);

        var fields = new List<(string Name, string Value, SipHeaderName Id)>();
        foreach (SipHeaderField field in message.Headers)
        {
            fields.Add((Text(field.Name), Text(field.Value), field.Id));
        }

        Assert.Equal(
            [
                ("v", "SIP/2.0/UDP a.example.com;branch=z9hG4bK1", SipHeaderName.Via),
                ("X-Carrier-Route", "trunk-7", SipHeaderName.Unknown),
                ("Max-Forwards", "70", SipHeaderName.MaxForwards),
                ("t", "<sip:bob@example.com>", SipHeaderName.To),
                ("f", "<sip:alice@example.com>;tag=1", SipHeaderName.From),
                ("i", "call-1@a.example.com", SipHeaderName.CallId),
                ("CSeq", "1 INVITE", SipHeaderName.CSeq),
                ("P-Asserted-Identity", "<tel:+4940111222>", SipHeaderName.PAssertedIdentity),
                ("x-another", "second unknown", SipHeaderName.Unknown),
                ("l", "0", SipHeaderName.ContentLength),
            ],
            fields);
        Assert.Equal(10, message.HeaderCount);
        Assert.Equal("trunk-7", Text(message.Headers[1].Value));
    }

    [Theory]
    [InlineData("i", SipHeaderName.CallId)]
    [InlineData("m", SipHeaderName.Contact)]
    [InlineData("f", SipHeaderName.From)]
    [InlineData("t", SipHeaderName.To)]
    [InlineData("v", SipHeaderName.Via)]
    [InlineData("l", SipHeaderName.ContentLength)]
    [InlineData("c", SipHeaderName.ContentType)]
    [InlineData("k", SipHeaderName.Supported)]
    [InlineData("s", SipHeaderName.Subject)]
    [InlineData("e", SipHeaderName.ContentEncoding)]
    [InlineData("o", SipHeaderName.Event)]
    [InlineData("u", SipHeaderName.AllowEvents)]
    [InlineData("r", SipHeaderName.ReferTo)]
    [InlineData("b", SipHeaderName.ReferredBy)]
    [InlineData("x", SipHeaderName.SessionExpires)]
    [InlineData("I", SipHeaderName.CallId)]
    [InlineData("z", SipHeaderName.Unknown)]
    public void Compact_forms_are_recognised_in_either_case(string name, SipHeaderName expected)
    {
        Assert.Equal(expected, SipHeaderNames.Identify(Bytes(name)));
        if (expected != SipHeaderName.Unknown)
        {
            Assert.Equal(name.ToLowerInvariant(), Text(SipHeaderNames.GetCompactName(expected)));
        }
    }

    [Fact]
    public void Every_known_name_is_recognised_in_any_case_and_nothing_else_is()
    {
        foreach (SipHeaderName id in Enum.GetValues<SipHeaderName>().Where(id => id != SipHeaderName.Unknown))
        {
            string canonical = Text(SipHeaderNames.GetName(id));
            Assert.Equal(id, SipHeaderNames.Identify(Bytes(canonical)));
            Assert.Equal(id, SipHeaderNames.Identify(Bytes(canonical.ToUpperInvariant())));
            Assert.Equal(id, SipHeaderNames.Identify(Bytes(canonical.ToLowerInvariant())));

            // One byte changed, added or removed never matches the same header.
            Assert.NotEqual(id, SipHeaderNames.Identify(Bytes(canonical + "x")));
            if (canonical.Length > 2)
            {
                // ("T", To shortened, is To's compact form.)
                Assert.NotEqual(id, SipHeaderNames.Identify(Bytes(canonical[..^1])));
            }

            Assert.NotEqual(id, SipHeaderNames.Identify(Bytes(canonical[..^1] + "_")));
            if (canonical.Contains('-'))
            {
                // CR | 0x20 == '-': the match must not alias it.
                Assert.Equal(SipHeaderName.Unknown, SipHeaderNames.Identify(Bytes(canonical.Replace('-', '\r'))));
            }
        }
    }

    [Fact]
    public void Folded_values_are_kept_raw_and_trimmed_at_both_ends()
    {
        byte[] bytes = Bytes(Text(Request(extra:
        [
            "Subject: first line\r\n second line\r\n\tthird line   ",
            "X-Empty:   ",
            "X-Folded-Only:\r\n  value",
        ])));
        using SipMessage message = ParseValid(bytes);

        Assert.Equal("first line\r\n second line\r\n\tthird line", message.GetHeaderString(SipHeaderName.Subject));
        Assert.True(message.GetHeaderValue("X-Empty"u8).IsEmpty);
        Assert.Equal("value", Text(message.GetHeaderValue("x-folded-only"u8)));
    }

    [Fact]
    public void White_space_before_the_colon_is_allowed()
    {
        byte[] bytes = Bytes(Text(Request(extra: ["Subject \t: hello"])));
        using SipMessage message = ParseValid(bytes);
        Assert.Equal("hello", message.GetHeaderString(SipHeaderName.Subject));
        Assert.Equal("Subject", Text(message.Headers[6].Name));
    }

    [Fact]
    public void Header_names_match_case_insensitively_on_lookup()
    {
        byte[] bytes = Bytes(Text(Request(extra: ["cALL-iNFO: <http://example.com/alice.png>;purpose=icon", "X-Vendor: 1"])));
        using SipMessage message = ParseValid(bytes);

        Assert.Equal("<http://example.com/alice.png>;purpose=icon", message.GetHeaderString(SipHeaderName.CallInfo));
        Assert.Equal("1", Text(message.GetHeaderValue("x-vendor"u8)));
        Assert.Equal("1", Text(message.GetHeaderValue("X-VENDOR"u8)));
        Assert.True(message.GetHeaderValue("X-Other"u8).IsEmpty);
        Assert.Equal("a84b4c76e66710@pc33.example.com", Text(message.GetHeaderValue("i"u8)));
    }

    [Fact]
    public void Repeated_headers_and_comma_lists_are_kept_as_received()
    {
        byte[] bytes = Message(
            "",
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP p1.example.com;branch=z9hG4bK1, SIP/2.0/UDP p2.example.com;branch=z9hG4bK2",
            "Via: SIP/2.0/UDP uac.example.com;branch=z9hG4bK3;received=192.0.2.1",
            "Record-Route: <sip:p1.example.com;lr>",
            "To: <sip:bob@example.com>;tag=b",
            "Record-Route: <sip:p2.example.com;lr>",
            "From: <sip:alice@example.com>;tag=a",
            "Call-ID: c1",
            "CSeq: 1 INVITE",
            "Content-Length: 0");
        using SipMessage message = ParseValid(bytes);

        var vias = new List<string>();
        foreach (ReadOnlySpan<byte> via in message.GetHeaderValues(SipHeaderName.Via))
        {
            vias.Add(Text(via));
        }

        Assert.Equal(
            ["SIP/2.0/UDP p1.example.com;branch=z9hG4bK1, SIP/2.0/UDP p2.example.com;branch=z9hG4bK2",
             "SIP/2.0/UDP uac.example.com;branch=z9hG4bK3;received=192.0.2.1"],
            vias);
        Assert.Equal(2, message.GetHeaderValues(SipHeaderName.RecordRoute).Count);
        Assert.Equal(0, message.GetHeaderValues(SipHeaderName.Route).Count);
        Assert.Equal("SIP/2.0/UDP p1.example.com;branch=z9hG4bK1, SIP/2.0/UDP p2.example.com;branch=z9hG4bK2", message.GetHeaderString(SipHeaderName.Via));
        Assert.Equal(
            "SIP/2.0/UDP p1.example.com;branch=z9hG4bK1, SIP/2.0/UDP p2.example.com;branch=z9hG4bK2",
            Text(message.GetHeaderValueMemory(SipHeaderName.Via).Span));
        Assert.False(message.TryGetHeaderValue(SipHeaderName.Route, out _));
        Assert.Null(message.GetHeaderString(SipHeaderName.Route));
    }

    [Theory]
    [InlineData("To: <sip:carol@example.com>", SipHeaderName.To)]
    [InlineData("t: <sip:carol@example.com>", SipHeaderName.To)]
    [InlineData("From: <sip:carol@example.com>;tag=9", SipHeaderName.From)]
    [InlineData("Call-ID: other@example.com", SipHeaderName.CallId)]
    [InlineData("CSeq: 314159 OPTIONS", SipHeaderName.CSeq)]
    [InlineData("Max-Forwards: 70", SipHeaderName.MaxForwards)]
    [InlineData("c: application/sdp", SipHeaderName.ContentType)]
    public void A_repeated_singleton_is_rejected_naming_the_header(string line, SipHeaderName header)
    {
        string[] extra = header == SipHeaderName.ContentType ? ["Content-Type: application/sdp", line] : [line];
        SipParseResult result = ParseInvalid(Request(extra: extra), SipParseError.DuplicateSingletonHeader);

        Assert.Equal(header, result.Header);
        Assert.True(result.CanRespond);
        Assert.Equal($"Bad Request - Duplicate {Text(SipHeaderNames.GetName(header))} header", result.GetReasonPhrase());
    }

    [Theory]
    [InlineData("CSeq: 2147483647 OPTIONS", 2147483647, null)]
    [InlineData("CSeq: 0 OPTIONS", 0, null)]
    [InlineData("CSeq: 2147483648 OPTIONS", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: OPTIONS", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1OPTIONS", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: -1 OPTIONS", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1 OPTIONS extra", -1, SipParseError.InvalidCSeq)]
    [InlineData("CSeq: 1 INVITE", 1, SipParseError.CSeqMethodMismatch)]
    [InlineData("CSeq: 7\r\n OPTIONS", 7, null)]
    public void CSeq_is_a_number_below_2_pow_31_and_the_request_method(string line, int number, SipParseError? error)
    {
        byte[] bytes = Bytes(Text(Request("OPTIONS")).Replace("CSeq: 314159 OPTIONS", line));
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.Equal(error ?? SipParseError.None, result.Error);
            Assert.Equal(number, message!.CSeqNumber);
        }
    }

    [Theory]
    [InlineData("Max-Forwards: 0", 0, null)]
    [InlineData("Max-Forwards: 255", 255, null)]
    [InlineData("Max-Forwards: 0070", 70, null)]
    [InlineData("Max-Forwards: 256", -1, SipParseError.InvalidMaxForwards)]
    [InlineData("Max-Forwards: -1", -1, SipParseError.InvalidMaxForwards)]
    [InlineData("Max-Forwards: 7 0", -1, SipParseError.InvalidMaxForwards)]
    [InlineData("Max-Forwards:", -1, SipParseError.InvalidMaxForwards)]
    public void Max_forwards_is_0_to_255(string line, int value, SipParseError? error)
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Max-Forwards: 70", line));
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.Equal(error ?? SipParseError.None, result.Error);
            Assert.Equal(value, message!.MaxForwards);
        }
    }

    [Theory]
    [InlineData("Call-ID:")]
    [InlineData("Call-ID: a b@example.com")]
    public void An_empty_or_spaced_call_id_is_invalid(string line)
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Call-ID: a84b4c76e66710@pc33.example.com", line));
        ParseInvalid(bytes, SipParseError.InvalidCallId);
    }

    [Theory]
    [InlineData("To", SipHeaderName.To)]
    [InlineData("From", SipHeaderName.From)]
    [InlineData("CSeq", SipHeaderName.CSeq)]
    [InlineData("Call-ID", SipHeaderName.CallId)]
    [InlineData("Via", SipHeaderName.Via)]
    public void A_missing_mandatory_header_is_named_and_prevents_a_response(string name, SipHeaderName header)
    {
        string text = Text(Request());
        int start = text.IndexOf("\r\n" + name + ":", StringComparison.Ordinal);
        int end = text.IndexOf("\r\n", start + 2, StringComparison.Ordinal);
        byte[] bytes = Bytes(text.Remove(start, end - start));

        SipParseResult result = ParseInvalid(bytes, SipParseError.MissingMandatoryHeader);
        Assert.Equal(header, result.Header);
        Assert.False(result.CanRespond);
        Assert.Equal($"Bad Request - Missing {name} header", result.GetReasonPhrase());
    }

    [Fact]
    public void Max_forwards_may_be_missing()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("Max-Forwards: 70\r\n", ""));
        using SipMessage message = ParseValid(bytes);
        Assert.Equal(-1, message.MaxForwards);
    }

    [Theory]
    [InlineData("X-No-Colon", SipParseError.MissingHeaderColon)]
    [InlineData("X-No-Colon value", SipParseError.MissingHeaderColon)]
    [InlineData(": no name", SipParseError.InvalidHeaderName)]
    [InlineData("X Bad: spaced name", SipParseError.InvalidHeaderName)]
    [InlineData("X(Bad): value", SipParseError.InvalidHeaderName)]
    [InlineData("To\u0001: <sip:x@example.com>", SipParseError.InvalidHeaderName)]
    public void A_malformed_header_line_is_rejected_and_the_rest_still_read(string line, SipParseError error)
    {
        SipParseResult result = ParseInvalid(Request(extra: [line]), error);
        Assert.True(result.CanRespond);
    }

    [Fact]
    public void A_header_line_folding_into_the_start_line_is_rejected()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("SIP/2.0\r\nVia", "SIP/2.0\r\n continuation\r\nVia"));
        ParseInvalid(bytes, SipParseError.HeaderLineStartsWithWhitespace);
    }

    [Theory]
    [InlineData("Subject: a\nX-Other: b")]
    [InlineData("Subject: a\rb")]
    [InlineData("Subject: a\n b")]
    public void A_bare_cr_or_lf_stops_the_parse(string line)
    {
        SipParseResult result = ParseInvalid(Request(extra: [line]), SipParseError.InvalidLineEnding);
        Assert.False(result.CanRespond);
        Assert.True(SipParseErrors.StopsParsing(result.Error));
    }

    [Fact]
    public void Lf_only_line_ends_are_rejected()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("\r\n", "\n"));
        ParseInvalid(bytes, SipParseError.InvalidLineEnding);
    }

    [Fact]
    public void A_datagram_without_the_empty_line_is_rejected()
    {
        // The SIP-I 100 Trying vector was stored without its final CRLF and empty line.
        byte[] trying = VectorFiles.Read("calls", "nmusco_sipi_100_trying.txt");
        SipParseResult result = ParseInvalid(trying, SipParseError.MissingEmptyLine);
        Assert.Equal(trying.Length, result.ErrorOffset);

        // Completed, it is a valid response.
        using SipMessage message = ParseValid([.. trying, .. "\r\n\r\n"u8]);
        Assert.Equal(100, message.StatusCode);
        Assert.Equal("Trying", Text(message.ReasonPhrase));
        Assert.Equal(2, message.CSeqNumber);
        Assert.Equal(SipMethod.Invite, message.CSeqMethod);
        Assert.Equal(0, message.ContentLength);
    }

    [Fact]
    public void The_first_defect_is_reported_and_errors_carry_their_offset()
    {
        byte[] bytes = Bytes(Text(Request(extra: ["X Bad: 1", "Max-Forwards: 5"])));
        SipParseResult result = ParseInvalid(bytes, SipParseError.InvalidHeaderName);
        Assert.Equal(Text(bytes).IndexOf("X Bad", StringComparison.Ordinal) + 1, result.ErrorOffset);
    }
}
