using static Gateway.Sip.Tests.Messages.Sip;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Request-Line and Status-Line grammar (RFC 3261 §7.1, §7.2).</summary>
public sealed class StartLineTests
{
    private static readonly string[] ResponseHeaders =
    [
        "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK776asdhds",
        "To: <sip:bob@example.com>;tag=a6c85cf",
        "From: <sip:alice@example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.example.com",
        "CSeq: 314159 INVITE",
        "Content-Length: 0",
    ];

    [Theory]
    [InlineData("INVITE", SipMethod.Invite)]
    [InlineData("ACK", SipMethod.Ack)]
    [InlineData("BYE", SipMethod.Bye)]
    [InlineData("CANCEL", SipMethod.Cancel)]
    [InlineData("OPTIONS", SipMethod.Options)]
    [InlineData("REGISTER", SipMethod.Register)]
    [InlineData("INFO", SipMethod.Info)]
    [InlineData("PRACK", SipMethod.Prack)]
    [InlineData("UPDATE", SipMethod.Update)]
    [InlineData("SUBSCRIBE", SipMethod.Subscribe)]
    [InlineData("NOTIFY", SipMethod.Notify)]
    [InlineData("REFER", SipMethod.Refer)]
    [InlineData("MESSAGE", SipMethod.Message)]
    [InlineData("PUBLISH", SipMethod.Publish)]
    [InlineData("invite", SipMethod.Extension)]
    [InlineData("NEWMETHOD", SipMethod.Extension)]
    public void A_request_line_gives_method_uri_and_version(string method, SipMethod expected)
    {
        using SipMessage message = ParseValid(Request(method, "sip:+4930123456@gw.example.net;user=phone"));

        Assert.True(message.IsRequest);
        Assert.Equal(expected, message.Method);
        Assert.Equal(method, Text(message.MethodToken));
        Assert.Equal("sip:+4930123456@gw.example.net;user=phone", Text(message.RequestUri));
        Assert.Equal("SIP/2.0", Text(message.Version));
        Assert.Equal(0, message.StatusCode);
        Assert.Equal($"{method} sip:+4930123456@gw.example.net;user=phone SIP/2.0", Text(message.StartLine));
        Assert.Equal(method == "NEWMETHOD" || method == "invite" ? SipMethod.Extension : expected, message.CSeqMethod);
    }

    [Theory]
    [InlineData("sips:bob@[2001:db8::10]:5061")]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com")]
    [InlineData("urn:service:sos")]
    [InlineData("soap.beep://192.0.2.103:3002")]
    public void Request_uris_of_any_scheme_are_kept_raw(string uri)
    {
        using SipMessage message = ParseValid(Request("OPTIONS", uri));
        Assert.Equal(uri, Text(message.RequestUri));
    }

    [Fact]
    public void The_version_is_case_insensitive()
    {
        byte[] bytes = Bytes(Text(Request()).Replace("SIP/2.0\r\nVia", "sip/2.0\r\nVia"));
        using SipMessage message = ParseValid(bytes);
        Assert.Equal("sip/2.0", Text(message.Version));
    }

    [Theory]
    [InlineData("SIP/2.0 180 Ringing", 180, "Ringing")]
    [InlineData("SIP/2.0 200 OK", 200, "OK")]
    [InlineData("SIP/2.0 100 ", 100, "")]
    [InlineData("SIP/2.0 699 Six Nine Nine", 699, "Six Nine Nine")]
    [InlineData("SIP/2.0 486 Busy Here  ", 486, "Busy Here  ")]
    public void A_status_line_gives_code_and_reason(string line, int code, string reason)
    {
        using SipMessage message = ParseValid(Message("", [line, .. ResponseHeaders]));

        Assert.True(message.IsResponse);
        Assert.Equal(code, message.StatusCode);
        Assert.Equal(reason, Text(message.ReasonPhrase));
        Assert.Equal(SipMethod.None, message.Method);
        Assert.True(message.MethodToken.IsEmpty);
        Assert.True(message.RequestUri.IsEmpty);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Low", SipParseError.BadStatusCode)]
    [InlineData("SIP/2.0 700 High", SipParseError.BadStatusCode)]
    [InlineData("SIP/2.0 2000 Long", SipParseError.BadStatusCode)]
    [InlineData("SIP/2.0 2x0 Letter", SipParseError.BadStatusCode)]
    [InlineData("SIP/2.0 200", SipParseError.MalformedStatusLine)]
    [InlineData("SIP/2.0", SipParseError.MalformedStatusLine)]
    [InlineData("SIP/3.0 200 OK", SipParseError.UnsupportedSipVersion)]
    [InlineData("SIP/2 200 OK", SipParseError.BadSipVersion)]
    [InlineData("SIP/2.0.1 200 OK", SipParseError.BadSipVersion)]
    public void A_bad_status_line_is_rejected_and_not_answered(string line, SipParseError error)
    {
        SipParseResult result = ParseInvalid(Message("", [line, .. ResponseHeaders]), error);
        Assert.False(result.CanRespond);
    }

    [Theory]
    [InlineData("INVITE sip:bob@example.com SIP/2.0 ", SipParseError.TrailingWhitespaceInRequestLine)]
    [InlineData("INVITE sip:bob@example.com SIP/2.0\t", SipParseError.TrailingWhitespaceInRequestLine)]
    [InlineData("INVITE  sip:bob@example.com SIP/2.0", SipParseError.MultipleSpacesInRequestLine)]
    [InlineData("INVITE sip:bob@example.com  SIP/2.0", SipParseError.MultipleSpacesInRequestLine)]
    [InlineData("INVITE sip:bob@example.com;a b SIP/2.0", SipParseError.LwsInRequestUri)]
    [InlineData("INVITE sip:bob@example.com;a\tb SIP/2.0", SipParseError.LwsInRequestUri)]
    [InlineData("INVITE <sip:bob@example.com> SIP/2.0", SipParseError.RequestUriInAngleBrackets)]
    [InlineData("INVITE bob@example.com SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("INVITE 1sip:bob SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("INVITE sip:bob\"@example.com SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("INVITE sip:b\u00f6b@example.com SIP/2.0", SipParseError.InvalidRequestUri)]
    [InlineData("INVITE sip:bob@example.com SIP/7.0", SipParseError.UnsupportedSipVersion)]
    [InlineData("INVITE sip:bob@example.com HTTP/1.1", SipParseError.BadSipVersion)]
    [InlineData("INVITE sip:bob@example.com SIP/2.", SipParseError.BadSipVersion)]
    [InlineData("INV(TE sip:bob@example.com SIP/2.0", SipParseError.InvalidMethod)]
    [InlineData("INVITE\tsip:bob@example.com SIP/2.0", SipParseError.MalformedRequestLine)]
    [InlineData("INVITE sip:bob@example.com", SipParseError.MalformedRequestLine)]
    [InlineData("INVITE", SipParseError.MalformedRequestLine)]
    [InlineData(" INVITE sip:bob@example.com SIP/2.0", SipParseError.MalformedRequestLine)]
    public void A_bad_request_line_is_rejected_but_still_answerable(string line, SipParseError error)
    {
        byte[] valid = Request("INVITE");
        string text = Text(valid);
        byte[] bytes = Bytes(line + text[text.IndexOf("\r\n", StringComparison.Ordinal)..]);

        SipParseResult result = ParseInvalid(bytes, error);

        // The header section is intact, so Via/From/To/Call-ID/CSeq are there to build the 400 (or 505).
        Assert.True(result.CanRespond);
        Assert.Equal(error == SipParseError.UnsupportedSipVersion ? 505 : 400, result.StatusCode);
    }

    [Fact]
    public void A_CSeq_method_differing_only_in_case_is_a_mismatch()
    {
        byte[] bytes = Bytes(Text(Request("INVITE")).Replace("CSeq: 314159 INVITE", "CSeq: 314159 invite"));
        ParseInvalid(bytes, SipParseError.CSeqMethodMismatch);
    }

    [Fact]
    public void Leading_crlfs_before_the_start_line_are_skipped()
    {
        byte[] request = Request();
        byte[] bytes = [.. "\r\n\r\n"u8, .. request];

        using SipMessage message = ParseValid(bytes);
        Assert.Equal(request.Length, message.Length);
        Assert.True(message.Span.SequenceEqual(request));
    }
}
