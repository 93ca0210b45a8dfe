using System.Text;

namespace Gateway.Sip.Tests;

public sealed class ContentDispositionHeaderTests
{
    private static ContentDispositionHeader Parse(string value)
    {
        Assert.True(ContentDispositionHeader.TryParse(Encoding.UTF8.GetBytes(value), out ContentDispositionHeader? disposition), value);
        return disposition;
    }

    [Theory]
    [InlineData("signal;handling=optional", "signal", "optional", false)]
    [InlineData("signal; handling=required", "signal", "required", true)]
    [InlineData("Session", "session", null, true)]
    [InlineData("render ;HANDLING = Optional", "render", "Optional", false)]
    [InlineData("icon;handling=x-later;size=32", "icon", "x-later", true)]
    [InlineData("alert\r\n ;handling=optional", "alert", "optional", false)]
    public void Parses_type_and_handling(string value, string type, string? handling, bool required)
    {
        ContentDispositionHeader disposition = Parse(value);
        Assert.Equal(type, disposition.Type);
        Assert.True(disposition.Is(type.ToUpperInvariant()));
        Assert.Equal(handling, disposition.Handling);
        Assert.Equal(required, disposition.IsHandlingRequired);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";handling=optional")]
    [InlineData("signal;")]
    [InlineData("signal;handling")]
    [InlineData("signal;handling=\"optional\"")]
    [InlineData("signal handling")]
    [InlineData("sig/nal")]
    public void Rejects_malformed_values(string value) => Assert.False(ContentDispositionHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Formats_a_canonical_form() => Assert.Equal("signal;handling=optional", Parse(" SIGNAL ; handling = optional ").ToString());

    [Fact]
    public void Sipt_bye_isup_body_is_an_optional_signal()
    {
        ContentDispositionHeader disposition = Parse(Encoding.UTF8.GetString(RawMessage.Load("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin").Value("Content-Disposition")));
        Assert.True(disposition.Is("signal"));
        Assert.False(disposition.IsHandlingRequired);
    }
}
