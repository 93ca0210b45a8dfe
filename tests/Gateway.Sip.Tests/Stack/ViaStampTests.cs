using System.Net;
using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>RFC 3261 §18.2.1 and RFC 3581 §4: what is stamped into a received top Via, and how it is written into responses.</summary>
public sealed class ViaStampTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("192.0.2.1"), 6000);

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.1:6000;branch=z9hG4bKa", null, null)]                   // sent-by is the source: nothing
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa", "192.0.2.1", null)]             // behind a NAT: received
    [InlineData("SIP/2.0/UDP pbx.example.com;branch=z9hG4bKa", "192.0.2.1", null)]           // a name: received
    [InlineData("SIP/2.0/UDP 192.0.2.1:6000;branch=z9hG4bKa;rport", "192.0.2.1", 6000)]      // rport: both, even if equal
    [InlineData("SIP/2.0/UDP 10.0.0.1;rport=7000;branch=z9hG4bKa", "192.0.2.1", null)]       // rport with a value is left alone
    public void The_stamp_depends_on_the_sent_by_and_rport(string via, string? received, int? rport)
    {
        Assert.True(ViaHeader.TryParse(Encoding.ASCII.GetBytes(via), out ViaHeader? parsed));
        Assert.Equal(new ViaStamp(received, rport), ViaStamp.For(parsed, Source));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport=6000;received=192.0.2.1")]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKa", "SIP/2.0/UDP 10.0.0.1:5060;rport=6000;branch=z9hG4bKa;received=192.0.2.1")]
    [InlineData("SIP/2.0/UDP h.example.com ; rport ; branch=z9hG4bKa", "SIP/2.0/UDP h.example.com ; rport=6000 ; branch=z9hG4bKa;received=192.0.2.1")]
    [InlineData("SIP/2.0/UDP h;received=203.0.113.9;branch=z9hG4bKa;rport", "SIP/2.0/UDP h;branch=z9hG4bKa;rport=6000;received=192.0.2.1")]
    [InlineData("SIP/2.0/UDP a;branch=z9hG4bK1;rport, SIP/2.0/UDP b;branch=z9hG4bK2;rport", "SIP/2.0/UDP a;branch=z9hG4bK1;rport=6000;received=192.0.2.1, SIP/2.0/UDP b;branch=z9hG4bK2;rport")]
    [InlineData("SIP/2.0/UDP a;x=\"q;rport\";branch=z9hG4bK1;rport", "SIP/2.0/UDP a;x=\"q;rport\";branch=z9hG4bK1;rport=6000;received=192.0.2.1")]
    public void Applying_the_stamp_sets_rport_in_place_and_appends_received_to_the_first_via_parm_only(string value, string expected)
    {
        var stamp = new ViaStamp("192.0.2.1", 6000);
        Assert.Equal(expected, Encoding.ASCII.GetString(stamp.Apply(Encoding.ASCII.GetBytes(value))));
    }

    [Fact]
    public void A_stamped_value_still_parses_with_the_stamped_parameters()
    {
        var stamp = new ViaStamp("192.0.2.1", 6000);
        byte[] stamped = stamp.Apply("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa;rport"u8);
        Assert.True(ViaHeader.TryParse(stamped, out ViaHeader? via));
        Assert.Equal(("192.0.2.1", 6000, "z9hG4bKa"), (via.Received, via.Rport, via.Branch));
    }

    [Fact]
    public void An_empty_stamp_copies_the_value()
    {
        byte[] value = "SIP/2.0/UDP 192.0.2.1:6000;branch=z9hG4bKa"u8.ToArray();
        Assert.Equal(value, new ViaStamp(null, null).Apply(value));
    }
}
