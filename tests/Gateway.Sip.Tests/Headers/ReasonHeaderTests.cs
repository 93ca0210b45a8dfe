using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests;

public sealed class ReasonHeaderTests
{
    private static List<ReasonValue> ParseList(string value) => ParseList(Encoding.UTF8.GetBytes(value));

    private static List<ReasonValue> ParseList(byte[] value)
    {
        var reasons = new List<ReasonValue>();
        Assert.True(ReasonHeader.TryParseList(value, reasons), Encoding.UTF8.GetString(value));
        return reasons;
    }

    private static ReasonValue Parse(string value) => Assert.Single(ParseList(value));

    [Theory]
    [InlineData("SIP ;cause=486 ;text=\"Busy Here\"", "SIP", 486, "Busy Here")]
    [InlineData("Q.850;cause=16;text=\"Terminated\"", "Q.850", 16, "Terminated")]
    [InlineData("SIP;cause=200;text=\"Call completed elsewhere\"", "SIP", 200, "Call completed elsewhere")]
    [InlineData("Q.850; cause=31", "Q.850", 31, null)]
    [InlineData("q.850 ; CAUSE = 17 ; Text = \"User busy\"", "Q.850", 17, "User busy")]
    [InlineData("sip;cause=487", "SIP", 487, null)]
    [InlineData("preemption ;cause=1 ;text=\"UA Preemption\"", "preemption", 1, "UA Preemption")]
    [InlineData("Q.850;cause=16;text=\"say \\\"bye\\\" \\\\ now\"", "Q.850", 16, "say \"bye\" \\ now")]
    [InlineData("Q.850;text=\"no cause\"", "Q.850", null, "no cause")]
    [InlineData("SIP\r\n ;cause=480\r\n\t;text=\"Temporarily\r\n Unavailable\"", "SIP", 480, "Temporarily Unavailable")]
    public void Parses_protocol_cause_and_text(string value, string protocol, int? cause, string? text)
    {
        ReasonValue reason = Parse(value);
        Assert.Equal(protocol, reason.Protocol);
        Assert.Equal(cause, reason.Cause);
        Assert.Equal(text, reason.Text);
        Assert.Equal(protocol == "SIP", reason.IsSip);
        Assert.Equal(protocol == "Q.850", reason.IsQ850);
    }

    [Fact]
    public void Tolerates_typographic_quotes_and_token_text_so_the_cause_is_not_lost()
    {
        ReasonValue typographic = Parse("SIP ;cause=486 ;text=“Busy Here”");
        Assert.Equal(486, typographic.Cause);
        Assert.Equal("Busy Here", typographic.Text);
        Assert.Equal("SIP;cause=486;text=\"Busy Here\"", typographic.ToString());

        List<ReasonValue> withComma = ParseList("SIP;cause=600;text=“Busy, Everywhere”, Q.850;cause=17");
        Assert.Equal(["Busy, Everywhere", null], withComma.Select(r => r.Text));

        Assert.Equal("Terminated", Parse("Q.850;cause=16;text=Terminated").Text);

        // The seeds also write it with two right quotes, as word processors do after a space.
        ReasonValue rightQuotes = Parse("SIP ;cause=200 ;text=”call completed elsewhere”");
        Assert.Equal((200, "call completed elsewhere"), (rightQuotes.Cause, rightQuotes.Text));
    }

    [Fact]
    public void Parses_several_values_and_rfc8606_location()
    {
        List<ReasonValue> reasons = ParseList("SIP;cause=580;text=\"Precondition Failure\", Q.850;cause=1;text=\"Unallocated number\";location=LN;x-vendor=7");
        Assert.Equal(2, reasons.Count);
        Assert.Equal(580, reasons[0].Cause);
        ReasonValue q850 = reasons[1];
        Assert.Equal("LN", q850.Location);
        Assert.True(q850.TryGetQ850LocationCode(out int code));
        Assert.Equal(2, code);
        Assert.Equal([new SipParameter("x-vendor", "7")], q850.Extensions);
        Assert.False(reasons[0].TryGetQ850LocationCode(out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(";cause=1")]
    [InlineData("SIP;")]
    [InlineData("SIP;cause=")]
    [InlineData("SIP;cause")]
    [InlineData("SIP;cause=abc")]
    [InlineData("SIP;cause=-1")]
    [InlineData("SIP;cause=\"486\"")]
    [InlineData("SIP;cause=99999999999")]
    [InlineData("SIP;cause=1;cause=2")]
    [InlineData("SIP;text=\"a\";text=\"b\"")]
    [InlineData("SIP;text")]
    [InlineData("SIP;text=\"unterminated")]
    [InlineData("SIP;text=“unterminated")]
    [InlineData("SIP;text=“a\"b”")]
    [InlineData("SIP;cause=1 junk")]
    [InlineData("SIP;cause=1,")]
    [InlineData(",SIP")]
    [InlineData("SIP;;cause=1")]
    [InlineData("Q 850;cause=16")]
    public void Rejects_malformed_values(string value)
    {
        var reasons = new List<ReasonValue>();
        Assert.False(ReasonHeader.TryParseList(Encoding.UTF8.GetBytes(value), reasons), value);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Single_value_parse_rejects_lists()
    {
        Assert.True(ReasonHeader.TryParse("Q.850;cause=16"u8, out ReasonValue? reason));
        Assert.Equal(16, reason.Cause);
        Assert.False(ReasonHeader.TryParse("Q.850;cause=16, SIP;cause=200"u8, out _));
    }

    [Fact]
    public void Formats_values_with_escaped_text()
    {
        Assert.Equal("Q.850;cause=16;text=\"Normal call clearing\"", new ReasonValue("Q.850", 16, "Normal call clearing").ToString());
        Assert.Equal("SIP;cause=200;text=\"a \\\"b\\\" \\\\c\"", new ReasonValue("sip", 200, "a \"b\" \\c").ToString());
        Assert.Equal("Q.850;cause=31;location=TN", new ReasonValue("q.850", 31, location: "TN").ToString());
        // No quoted-string can carry CR or LF, so each becomes a space.
        Assert.Equal("Q.850;cause=16;text=\"line one  line two\"", new ReasonValue("Q.850", 16, "line one\r\nline two").ToString());
        Assert.Equal(
            "SIP;cause=487, Q.850;cause=16",
            ReasonHeader.Format([new ReasonValue("SIP", 487), new ReasonValue("Q.850", 16)]));
        Assert.Throws<ArgumentException>(() => new ReasonValue("Q 850", 16));
        Assert.Throws<ArgumentException>(() => new ReasonValue("Q.850", -1));
    }

    [Fact]
    public void Sipt_bye_reason_is_q850_cause_31()
    {
        var message = RawMessage.Load("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin");
        ReasonValue reason = Assert.Single(ParseList(message.Value("Reason")));
        Assert.True(reason.IsQ850);
        Assert.Equal(31, reason.Cause);
        Assert.Null(reason.Text);

        // The body's ISUP REL carries the same cause: octet 5 is 0x9f, cause value 31 with the extension bit set.
        Assert.Equal(0x9f & 0x7f, reason.Cause);
    }

    // Property: formatting then parsing gives back the same values, whatever the text holds.

    private static readonly Gen<string> Token = Gen.Choose(1, 8).SelectMany(length =>
        Gen.ArrayOf(Gen.Elements("abcXYZ019-.!%*_+`'~".ToCharArray()), length).Select(chars => new string(chars)));

    private static readonly Gen<string> Text = Gen.Choose(0, 20).SelectMany(length =>
        Gen.ArrayOf(Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(c => (char)c),
            Gen.Elements('"', '\\', '\t', '\0', '\u0001', '\u007F', ',', ';', 'é', '“', '”', '\u3042')), length).Select(chars => new string(chars)));

    private static readonly Gen<ReasonValue> Reason =
        from protocol in Gen.OneOf(Gen.Elements("SIP", "Q.850", "sip", "q.850"), Token)
        from cause in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, int.MaxValue).Select(c => (int?)c))
        from text in Gen.OneOf(Gen.Constant<string?>(null), Text.Select(t => (string?)t))
        from location in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements("U", "LPN", "LN", "TN", "RLN", "RPN", "INTL", "BI").Select(l => (string?)l))
        select new ReasonValue(protocol, cause, text, location);

    [Fact]
    public void Property_formatted_reasons_parse_back_to_the_same_values()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Gen.NonEmptyListOf(Reason).ToArbitrary(), reasons =>
        {
            string text = ReasonHeader.Format(reasons);
            List<ReasonValue> parsed = ParseList(text);
            Assert.Equal(reasons.Count, parsed.Count);
            for (int i = 0; i < reasons.Count; i++)
            {
                Assert.Equal(reasons[i].Protocol, parsed[i].Protocol);
                Assert.Equal(reasons[i].Cause, parsed[i].Cause);
                Assert.Equal(reasons[i].Text, parsed[i].Text);
                Assert.Equal(reasons[i].Location, parsed[i].Location);
                Assert.Equal(reasons[i].ToString(), parsed[i].ToString());
            }
        }));
    }
}
