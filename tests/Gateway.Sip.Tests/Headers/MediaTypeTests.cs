using System.Text;

namespace Gateway.Sip.Tests;

public sealed class MediaTypeTests
{
    private static MediaType Parse(string value) => Parse(Encoding.UTF8.GetBytes(value));

    private static MediaType Parse(byte[] value)
    {
        Assert.True(MediaType.TryParse(value, out MediaType? type), Encoding.UTF8.GetString(value));
        return type;
    }

    [Theory]
    [InlineData("application/sdp", "application", "sdp")]
    [InlineData(" Application/SDP ", "Application", "SDP")]
    [InlineData("multipart/mixed;boundary=unique-boundary-1", "multipart", "mixed")]
    [InlineData("application/ISUP;version=itu-t92+;base=nxv3", "application", "ISUP")]
    [InlineData("application/isup; version=itu-t92+; base=itu-t92+", "application", "isup")]
    [InlineData("text/plain ;\r\n charset = \"utf-8\"", "text", "plain")]
    [InlineData("message / sipfrag", "message", "sipfrag")]
    [InlineData("application/vnd.3gpp.ussd+xml", "application", "vnd.3gpp.ussd+xml")]
    public void Parses_type_subtype_and_parameters(string value, string type, string subtype)
    {
        MediaType media = Parse(value);
        Assert.Equal(type, media.Type);
        Assert.Equal(subtype, media.Subtype);
        Assert.True(media.Is(type.ToUpperInvariant(), subtype.ToLowerInvariant()));
    }

    [Fact]
    public void Exposes_the_parameters_gateways_care_about()
    {
        MediaType isup = Parse("application/ISUP;VERSION=itu-t92+;Base=nxv3");
        Assert.Equal("itu-t92+", isup.Version);
        Assert.Equal("nxv3", isup.Base);
        Assert.Equal("application/isup", isup.Name);
        Assert.False(isup.IsMultipart);

        MediaType multipart = Parse("Multipart/Mixed; boundary=\"simple boundary\"");
        Assert.True(multipart.IsMultipart);
        Assert.Equal("simple boundary", multipart.Boundary);
        Assert.Equal("multipart/mixed;boundary=\"simple boundary\"", multipart.ToString());

        Assert.Equal("utf-8", Parse("text/plain;charset=\"utf-8\"").Charset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("/sdp")]
    [InlineData("application/sdp;")]
    [InlineData("application/sdp;charset")]
    [InlineData("application/sdp;charset=")]
    [InlineData("application/sdp junk")]
    [InlineData("application/sdp, text/plain")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("appli cation/sdp")]
    [InlineData("application/sdp;a=\"unterminated")]
    public void Rejects_malformed_content_types(string value) => Assert.False(MediaType.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Theory]
    [InlineData("torture", "wsinv.dat", "application/sdp")]
    [InlineData("torture", "esc01.dat", "application/sdp")]
    [InlineData("torture", "invut.dat", "application/unknownformat")]
    [InlineData("torture", "mpart01.dat", "multipart/mixed")]
    [InlineData("torture", "mcl01.dat", "text/plain")]
    [InlineData("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin", "multipart/mixed")]
    [InlineData("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin", "application/isup")]
    public void Vector_content_types(string folder, string file, string name) =>
        Assert.Equal(name, Parse(RawMessage.Load(folder, file).Value("Content-Type", "c")).Name);

    [Fact]
    public void Sipt_bye_isup_body_type_and_parameters()
    {
        MediaType type = Parse(RawMessage.Load("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin").Value("Content-Type"));
        Assert.Equal("itu-t92+", type.Version);
        Assert.Equal("itu-t92+", type.Base);
    }

    [Fact]
    public void Accept_ranges_match_types()
    {
        MediaType sdp = Parse("application/sdp");
        Assert.True(sdp.IsMatchedBy(Parse("Application/SDP")));
        Assert.False(sdp.IsMatchedBy(Parse("text/plain")));
        var ranges = new List<MediaType>();
        Assert.True(AcceptHeader.TryParseList("*/*, application/*"u8, ranges));
        Assert.All(ranges, range => Assert.True(sdp.IsMatchedBy(range)));
    }
}
