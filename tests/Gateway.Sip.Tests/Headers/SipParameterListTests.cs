namespace Gateway.Sip.Tests;

public sealed class SipParameterListTests
{
    [Fact]
    public void Looks_up_names_ignoring_case_and_distinguishes_absent_from_valueless()
    {
        var list = new SipParameterList([new("Transport", "tcp"), new("lr", null), new("transport", "udp"), new("x", "a b", true)]);
        Assert.Equal(4, list.Count);
        Assert.Equal("tcp", list.GetValueOrDefault("TRANSPORT"));
        Assert.True(list.TryGetValue("LR", out string? lr));
        Assert.Null(lr);
        Assert.False(list.TryGetValue("maddr", out _));
        Assert.True(list.Contains("lr"));
        Assert.False(list.Contains("maddr"));
        Assert.Equal(";Transport=tcp;lr;transport=udp;x=\"a b\"", list.ToString());
        Assert.Equal("x=\"a b\"", list[3].ToString());
        Assert.Empty(SipParameterList.Empty);
        Assert.Equal(string.Empty, SipParameterList.Empty.ToString());
    }
}
