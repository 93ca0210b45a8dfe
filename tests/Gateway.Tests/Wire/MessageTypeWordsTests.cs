using System.Text;
using Gateway.Testing;
using Gateway.Wire;

namespace Gateway.Tests.Wire;

public sealed class MessageTypeWordsTests
{
    [Theory]
    [InlineData("INVITE sip:4930123456@gw SIP/2.0\r\n", "INVITE")]
    [InlineData("BYE sip:a@b SIP/2.0\r\n", "BYE")]
    [InlineData("SIP/2.0 200 OK\r\n", "200")]
    [InlineData("SIP/2.0 486 Busy Here\r\n", "486")]
    [InlineData("SIP/2.0 99x\r\n", "other")]
    [InlineData("SIP/2.0 700 Nope\r\n", "other")]
    [InlineData("FROB sip:a@b SIP/2.0\r\n", "other")]
    [InlineData("invite sip:a@b SIP/2.0\r\n", "other")]
    [InlineData("", "other")]
    [InlineData(" ", "other")]
    public void A_SIP_message_is_labelled_by_its_method_or_status(string startLine, string expected) =>
        Assert.Equal(expected, MessageTypeWords.Sip(Encoding.ASCII.GetBytes(startLine)));

    [Fact]
    public void Labels_are_made_once_so_counting_allocates_nothing()
    {
        byte[] invite = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\n");
        byte[] ok = Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\n");
        Assert.Same(MessageTypeWords.Sip(ok), MessageTypeWords.Sip(ok));
        MessageTypeWords.M3ua(M3uaWireSamples.DataWithIam);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            MessageTypeWords.Sip(invite);
            MessageTypeWords.Sip(ok);
            MessageTypeWords.M3ua(M3uaWireSamples.DataWithIam);
            MessageTypeWords.Isup(0x01);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void M3ua_and_isup_types_read_as_their_acronyms()
    {
        Assert.Equal("DATA", MessageTypeWords.M3ua(M3uaWireSamples.DataWithIam));
        Assert.Equal("ASPUP", MessageTypeWords.M3ua([1, 0, 3, 1, 0, 0, 0, 8]));
        Assert.Equal("ERR", MessageTypeWords.M3ua([1, 0, 0, 0, 0, 0, 0, 8]));
        Assert.Equal("other", MessageTypeWords.M3ua([1, 0, 200, 1]));
        Assert.Equal("other", MessageTypeWords.M3ua([1, 0]));
        Assert.Equal("IAM", MessageTypeWords.Isup(0x01));
        Assert.Equal("REL", MessageTypeWords.Isup(0x0C));
        Assert.Equal("other", MessageTypeWords.Isup(0xFE));
    }
}
