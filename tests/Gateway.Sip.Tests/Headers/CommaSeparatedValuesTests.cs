using System.Text;

namespace Gateway.Sip.Tests;

public sealed class CommaSeparatedValuesTests
{
    private static List<string> Split(string value)
    {
        var elements = new List<string>();
        foreach (ReadOnlySpan<byte> element in new CommaSeparatedValues(Encoding.UTF8.GetBytes(value)))
        {
            elements.Add(Encoding.UTF8.GetString(element));
        }

        return elements;
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData(" \r\n ", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData(" a , b ,\r\n c ", new[] { "a", "b", "c" })]
    [InlineData("a,,b", new[] { "a", "", "b" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData("\"x, y\" <sip:a,b@c>, d", new[] { "\"x, y\" <sip:a,b@c>", "d" })]
    [InlineData("\"x\\\", y\", z", new[] { "\"x\\\", y\"", "z" })]
    [InlineData("Sat, 13 Nov 2010", new[] { "Sat", "13 Nov 2010" })]
    public void Splits_on_top_level_commas(string value, string[] elements) => Assert.Equal(elements, Split(value));

    [Fact]
    public void Reports_ranges_into_the_original_value()
    {
        byte[] value = " a ,bc"u8.ToArray();
        var enumerator = new CommaSeparatedValues(value);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(1..2, enumerator.CurrentRange);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(4..6, enumerator.CurrentRange);
        Assert.False(enumerator.MoveNext());
    }
}
