using System.Text;

namespace Gateway.Sip.Tests;

public sealed class CSeqHeaderTests
{
    [Theory]
    [InlineData("4711 INVITE", 4711, "INVITE")]
    [InlineData("  3 BYE ", 3, "BYE")]
    [InlineData("0009\r\n  INVITE", 9, "INVITE")]
    [InlineData("2147483647 OPTIONS", int.MaxValue, "OPTIONS")]
    [InlineData("0 ACK", 0, "ACK")]
    [InlineData("1\tRE%47IST%45R", 1, "RE%47IST%45R")]
    [InlineData("139122385 !interesting-Method0123456789_*+`.%indeed'~", 139122385, "!interesting-Method0123456789_*+`.%indeed'~")]
    public void Parses_number_and_method(string value, int number, string method)
    {
        Assert.True(CSeqHeader.TryParse(Encoding.UTF8.GetBytes(value), out CSeqHeader cseq), value);
        Assert.Equal(new CSeqHeader(number, method), cseq);
    }

    [Fact]
    public void Known_methods_are_shared_strings_and_case_is_kept()
    {
        Assert.True(CSeqHeader.TryParse("1 INVITE"u8, out CSeqHeader a));
        Assert.True(CSeqHeader.TryParse("2 INVITE"u8, out CSeqHeader b));
        Assert.Same(a.Method, b.Method);
        Assert.True(CSeqHeader.TryParse("3 invite"u8, out CSeqHeader lower));
        Assert.Equal("invite", lower.Method);
        Assert.Equal("1 INVITE", a.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("INVITE")]
    [InlineData("1")]
    [InlineData("1 ")]
    [InlineData("1INVITE")]
    [InlineData("-1 INVITE")]
    [InlineData("1 INVITE BYE")]
    [InlineData("1 INV ITE")]
    [InlineData("1 INVITE;x")]
    [InlineData("2147483648 INVITE")]
    [InlineData("36893488147419103232 REGISTER")]
    [InlineData("1\r\nINVITE")]
    public void Rejects_malformed_values(string value) => Assert.False(CSeqHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Theory]
    [InlineData("scalar02.dat")]
    [InlineData("scalarlg.dat")]
    public void Torture_oversized_sequence_numbers_are_rejected(string file) =>
        Assert.False(CSeqHeader.TryParse(RawMessage.Load("torture", file).Value("CSeq"), out _));

    [Theory]
    [InlineData("torture", "wsinv.dat", 9, "INVITE")]
    [InlineData("torture", "intmeth.dat", 139122385, "!interesting-Method0123456789_*+`.%indeed'~")]
    [InlineData("torture", "esc02.dat", 29344, "RE%47IST%45R")]
    [InlineData("torture", "mismatch01.dat", 8, "INVITE")]
    [InlineData("torture", "mismatch02.dat", 8, "INVITE")]
    [InlineData("torture", "lwsruri.dat", 2130706432, "INVITE")]
    [InlineData("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin", 3, "BYE")]
    public void Vector_values(string folder, string file, int number, string method)
    {
        // mismatch01/02 are invalid only because the CSeq method differs from the request method: the message layer's
        // check, which needs exactly this parsed method.
        Assert.True(CSeqHeader.TryParse(RawMessage.Load(folder, file).Value("CSeq"), out CSeqHeader cseq));
        Assert.Equal(new CSeqHeader(number, method), cseq);
    }
}
