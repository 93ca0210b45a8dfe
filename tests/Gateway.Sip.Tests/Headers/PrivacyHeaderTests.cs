using System.Text;

namespace Gateway.Sip.Tests;

public sealed class PrivacyHeaderTests
{
    private static PrivacyHeader Parse(string value)
    {
        Assert.True(PrivacyHeader.TryParse(Encoding.UTF8.GetBytes(value), out PrivacyHeader? privacy), value);
        return privacy;
    }

    [Theory]
    [InlineData("id", PrivacyValues.Id)]
    [InlineData("none", PrivacyValues.NoPrivacy)]
    [InlineData("header;session;user", PrivacyValues.Header | PrivacyValues.Session | PrivacyValues.User)]
    [InlineData("id;critical", PrivacyValues.Id | PrivacyValues.Critical)]
    [InlineData(" ID ; Critical ", PrivacyValues.Id | PrivacyValues.Critical)]
    [InlineData("user, id", PrivacyValues.User | PrivacyValues.Id)]
    [InlineData("history", PrivacyValues.History)]
    [InlineData("x-custom", PrivacyValues.Unspecified)]
    public void Parses_privacy_values(string value, PrivacyValues values)
    {
        PrivacyHeader privacy = Parse(value);
        Assert.Equal(values, privacy.Values);
        Assert.True(privacy.Has(values));
    }

    [Fact]
    public void Keeps_unknown_tokens_and_formats_with_semicolons()
    {
        PrivacyHeader privacy = Parse("id ;x-custom,\r\n critical");
        Assert.Equal(["id", "x-custom", "critical"], privacy.Tokens);
        Assert.Equal(["x-custom"], privacy.Extensions);
        Assert.False(privacy.Has(PrivacyValues.User | PrivacyValues.Id));
        Assert.Equal("id;x-custom;critical", privacy.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("id;")]
    [InlineData(";id")]
    [InlineData("id;;critical")]
    [InlineData("id critical")]
    [InlineData("id=1")]
    [InlineData("\"id\"")]
    public void Rejects_malformed_values(string value) => Assert.False(PrivacyHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);
}
