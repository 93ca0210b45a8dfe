using Gateway.Logging;

namespace Gateway.Tests.Logging;

public sealed class KeyValueLineTests
{
    private static string One(string? value)
    {
        var line = new KeyValueLine(stackalloc char[16]);
        try
        {
            line.Add("k", value);
            return line.ToString();
        }
        finally
        {
            line.Dispose();
        }
    }

    [Theory]
    [InlineData("plain", "k=plain")]
    [InlineData("sip:bob@example.com;tag=1", "k=\"sip:bob@example.com;tag=1\"")]
    [InlineData("a b", "k=\"a b\"")]
    [InlineData("say \"hi\"", "k=\"say \\\"hi\\\"\"")]
    [InlineData("x=y", "k=\"x=y\"")]
    [InlineData("back\\slash", "k=back\\slash")]
    [InlineData("back\\slash and space", "k=\"back\\\\slash and space\"")]
    [InlineData("tab\there", "k=\"tab\\there\"")]
    [InlineData("two\r\nlines", "k=\"two\\r\\nlines\"")]
    [InlineData("nul\0", "k=\"nul\\u0000\"")]
    [InlineData("-", "k=\"-\"")]
    [InlineData("", "k=-")]
    [InlineData(null, "k=-")]
    [InlineData("ünïcödé", "k=ünïcödé")]
    public void Values_are_quoted_only_when_needed(string? value, string expected)
    {
        Assert.Equal(expected, One(value));
    }

    [Fact]
    public void Call_event_line_has_fields_separated_by_single_spaces_without_leading_space()
    {
        var line = new KeyValueLine(stackalloc char[32]); // small on purpose: forces growth into the pool
        line.Add("event", "release");
        line.Add("call", 42);
        line.Add("cid", "a84b4c76e66710@pc33.example.com");
        line.Add("cic", 17);
        line.Add("dpc", "2-100-3");
        line.Add("dir", "sip-to-isup");
        line.Add("state", "released");
        line.Add("cause", (int?)16);
        line.Add("reason", "Normal call clearing");
        string text = line.ToString();
        line.Dispose();

        Assert.Equal(
            "event=release call=42 cid=a84b4c76e66710@pc33.example.com cic=17 dpc=2-100-3 dir=sip-to-isup "
            + "state=released cause=16 reason=\"Normal call clearing\"",
            text);
    }

    [Fact]
    public void Add_after_text_appends_space_key_value()
    {
        var line = new KeyValueLine(stackalloc char[64]);
        line.AddText("call event");
        line.Add("cause", (int?)null);
        line.Add("ratio", 0.5);
        line.Add("bad key=", "v");

        Assert.Equal("call event cause=- ratio=0.5 bad_key_=v", line.ToString());
        line.Dispose();
    }

    [Fact]
    public void Default_line_grows_from_an_empty_buffer()
    {
        KeyValueLine line = default;
        for (int i = 0; i < 100; i++)
        {
            line.Add("n", i);
        }

        Assert.Equal(string.Join(' ', Enumerable.Range(0, 100).Select(i => $"n={i}")), line.ToString());
        line.Dispose();
        Assert.Equal(0, line.Length);
    }
}
