using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests;

public sealed class UserToUserHeaderTests
{
    private static UserToUserHeader Parse(string value)
    {
        Assert.True(UserToUserHeader.TryParse(Encoding.UTF8.GetBytes(value), out UserToUserHeader? uui), value);
        return uui;
    }

    [Fact]
    public void Decodes_hex_data_and_reads_the_parameters()
    {
        UserToUserHeader uui = Parse("56a390f3d2b7310023a2;encoding=hex;purpose=isdn-uui;content=isdn-uui");
        Assert.Equal(Convert.FromHexString("56a390f3d2b7310023a2"), uui.Data!.Value.ToArray());
        Assert.Equal("hex", uui.Encoding);
        Assert.Equal("isdn-uui", uui.Purpose);
        Assert.Equal("isdn-uui", uui.Content);
        Assert.Equal("56a390f3d2b7310023a2", uui.RawData);
    }

    [Theory]
    [InlineData("0401020304", new byte[] { 4, 1, 2, 3, 4 })]
    [InlineData("\"0401\" ; ENCODING = HEX", new byte[] { 4, 1 })]
    [InlineData("\"\";encoding=hex", new byte[0])]
    [InlineData("ABcd;purpose=isdn-uui", new byte[] { 0xAB, 0xCD })]
    public void Hex_is_the_default_encoding(string value, byte[] data) => Assert.Equal(data, Parse(value).Data!.Value.ToArray());

    [Fact]
    public void Other_encodings_are_kept_as_text()
    {
        UserToUserHeader uui = Parse("\"This is a test UUI value\";encoding=text");
        Assert.Null(uui.Data);
        Assert.Equal("This is a test UUI value", uui.RawData);
        Assert.Equal("\"This is a test UUI value\";encoding=text", uui.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz")]
    [InlineData("0401;encoding=hex;")]
    [InlineData("0401;purpose")]
    [InlineData("0401;encoding")]
    [InlineData("0401;content=\"isdn-uui\"")]
    [InlineData("04 01")]
    [InlineData("\"0401")]
    [InlineData(";encoding=hex")]
    public void Rejects_malformed_values(string value) => Assert.False(UserToUserHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Parses_lists()
    {
        var list = new List<UserToUserHeader>();
        Assert.True(UserToUserHeader.TryParseList("0102;purpose=isdn-uui, \"hello\";encoding=text;purpose=x-app"u8, list));
        Assert.Equal(2, list.Count);
        Assert.False(UserToUserHeader.TryParseList("0102, 0"u8, list));
        Assert.False(UserToUserHeader.TryParseList(""u8, list));
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void Formats_hex_values()
    {
        Assert.Equal("0401FF;encoding=hex;purpose=isdn-uui;content=isdn-uui", UserToUserHeader.Format([4, 1, 255], "isdn-uui", "isdn-uui"));
        Assert.Equal("\"\";encoding=hex", UserToUserHeader.Format([]));
        Assert.True(UserToUserHeader.TryParse("\"\";encoding=hex"u8, out UserToUserHeader? empty));
        Assert.Equal(0, empty.Data!.Value.Length);
    }

    [Fact]
    public void Property_octets_round_trip_through_hex()
    {
        Gen<(byte[] Data, string? Purpose, string? Content)> values =
            from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            from purpose in Gen.Elements<string?>(null, "isdn-uui", "x-app")
            from content in Gen.Elements<string?>(null, "isdn-uui")
            select (data, purpose, content);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(values.ToArbitrary(), v =>
        {
            string text = UserToUserHeader.Format(v.Data, v.Purpose, v.Content);
            UserToUserHeader parsed = Parse(text);
            Assert.Equal(v.Data, parsed.Data!.Value.ToArray());
            Assert.Equal(v.Purpose, parsed.Purpose);
            Assert.Equal(v.Content, parsed.Content);
            Assert.Equal(text, parsed.ToString());
        }));
    }
}
