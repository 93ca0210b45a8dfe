using System.Text;

namespace Gateway.Sip.Tests;

public sealed class ViaHeaderTests
{
    private static ViaHeader Parse(string value)
    {
        Assert.True(ViaHeader.TryParse(Encoding.UTF8.GetBytes(value), out ViaHeader? via), value);
        return via;
    }

    private static List<ViaHeader> ParseList(byte[] value)
    {
        var list = new List<ViaHeader>();
        Assert.True(ViaHeader.TryParseList(value, list), Encoding.UTF8.GetString(value));
        return list;
    }

    [Theory]
    [InlineData("SIP/2.0/UDP erlang.bell-telephone.com:5060;branch=z9hG4bK87asdks7", "UDP", "erlang.bell-telephone.com", 5060, "z9hG4bK87asdks7")]
    [InlineData("SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207;branch=z9hG4bK77asjd", "UDP", "192.0.2.1", 5060, "z9hG4bK77asjd")]
    [InlineData("SIP / 2.0 / UDP first.example.com: 4000;ttl=16;maddr=224.2.0.1 ;branch=z9hG4bKa7c6a8dlze.1", "UDP", "first.example.com", 4000, "z9hG4bKa7c6a8dlze.1")]
    [InlineData("sip/2.0/tcp client.biloxi.example.com:5060;branch=z9hG4bK74bf9", "TCP", "client.biloxi.example.com", 5060, "z9hG4bK74bf9")]
    [InlineData("SIP/2.0/TLS [2001:db8::9:1];branch=z9hG4bKas3-111", "TLS", "[2001:db8::9:1]", null, "z9hG4bKas3-111")]
    [InlineData("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK56sdasks", "WSS", "df7jal23ls0d.invalid", null, "z9hG4bK56sdasks")]
    [InlineData("SIP/2.0/Quic host.example.com", "QUIC", "host.example.com", null, null)]
    public void Parses_protocol_transport_sent_by_and_branch(string value, string transport, string host, int? port, string? branch)
    {
        ViaHeader via = Parse(value);
        Assert.Equal("SIP", via.ProtocolName);
        Assert.Equal("2.0", via.ProtocolVersion);
        Assert.Equal(transport, via.Transport);
        Assert.Equal(host, via.Host);
        Assert.Equal(port, via.Port);
        Assert.Equal(branch, via.Branch);
    }

    [Fact]
    public void Reads_received_rport_maddr_ttl_and_other_parameters()
    {
        ViaHeader via = Parse("SIP/2.0/UDP first.example.com:4000;ttl=16;maddr=224.2.0.1;received=192.0.2.207;rport=5066;branch=z9hG4bKa;x-id=\"a b\";flag");
        Assert.Equal(16, via.Ttl);
        Assert.Equal("224.2.0.1", via.MAddr);
        Assert.Equal("192.0.2.207", via.Received);
        Assert.True(via.HasRport);
        Assert.Equal(5066, via.Rport);
        Assert.Equal("a b", via.Parameters.GetValueOrDefault("x-id"));
        Assert.True(via.Parameters.Contains("flag"));
        Assert.Equal(7, via.Parameters.Count);
    }

    [Fact]
    public void Distinguishes_absent_empty_and_valued_rport()
    {
        ViaHeader absent = Parse("SIP/2.0/UDP host.example.com;branch=z9hG4bK1");
        Assert.False(absent.HasRport);
        Assert.Null(absent.Rport);

        ViaHeader empty = Parse("SIP/2.0/UDP host.example.com;rport;branch=z9hG4bK1");
        Assert.True(empty.HasRport);
        Assert.Null(empty.Rport);

        ViaHeader valued = Parse("SIP/2.0/UDP host.example.com;branch=z9hG4bK1;received=192.0.2.1;RPORT=1024");
        Assert.True(valued.HasRport);
        Assert.Equal(1024, valued.Rport);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3", "2001:db8::9:255")]
    [InlineData("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3", "[2001:db8::9:255]")]
    [InlineData("SIP/2.0/UDP [2001:db8::9:1];received=::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void Accepts_ipv6_received_addresses(string value, string received) => Assert.Equal(received, Parse(value).Received);

    [Theory]
    [InlineData("")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP ")]
    [InlineData("SIP/7.0/UDP c.example.com")]
    [InlineData("SIP/2.00/UDP c.example.com")]
    [InlineData("HTTP/2.0/UDP c.example.com")]
    [InlineData("SIP/2.0 UDP c.example.com")]
    [InlineData("SIP/2.0/ c.example.com")]
    [InlineData("SIP/2.0/UDPc.example.com")]
    [InlineData("SIP/2.0/UDP c.example.com:")]
    [InlineData("SIP/2.0/UDP c.example.com:70000")]
    [InlineData("SIP/2.0/UDP c..example.com")]
    [InlineData("SIP/2.0/UDP c.example.com;")]
    [InlineData("SIP/2.0/UDP c.example.com;;")]
    [InlineData("SIP/2.0/UDP c.example.com junk")]
    [InlineData("SIP/2.0/UDP c.example.com;branch")]
    [InlineData("SIP/2.0/UDP c.example.com;branch=\"z9hG4bK1\"")]
    [InlineData("SIP/2.0/UDP c.example.com;branch=z9hG4bK1;branch=z9hG4bK2")]
    [InlineData("SIP/2.0/UDP c.example.com;received=c.example.com")]
    [InlineData("SIP/2.0/UDP c.example.com;received=1.2.3.256")]
    [InlineData("SIP/2.0/UDP c.example.com;received=2001:db8::g")]
    [InlineData("SIP/2.0/UDP c.example.com;rport=abc")]
    [InlineData("SIP/2.0/UDP c.example.com;rport=70000")]
    [InlineData("SIP/2.0/UDP c.example.com;ttl=256")]
    [InlineData("SIP/2.0/UDP c.example.com;ttl=0016")]
    [InlineData("SIP/2.0/UDP c.example.com;maddr=bad..host")]
    [InlineData("SIP/2.0/UDP a.example.com, SIP/2.0/UDP b.example.com")]
    public void Rejects_malformed_via_parms(string value) => Assert.False(ViaHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Theory]
    [InlineData("z9hG4bK776asdhds", true, true)]
    [InlineData("z9hG4bK", true, false)]
    [InlineData("Z9HG4BK776asdhds", false, false)]
    [InlineData("390skdjuw", false, false)]
    public void Tells_rfc3261_branches_apart(string branch, bool cookie, bool rfc3261)
    {
        ViaHeader via = Parse("SIP/2.0/UDP host.example.com;branch=" + branch);
        Assert.Equal(cookie, via.HasMagicCookie);
        Assert.Equal(rfc3261, via.IsRfc3261Branch);
    }

    [Fact]
    public void Lists_split_on_commas_and_nothing_is_added_on_failure()
    {
        List<ViaHeader> vias = ParseList("SIP/2.0/UDP a.example.com;branch=z9hG4bK1 , SIP/2.0/TCP b.example.com:5070;branch=z9hG4bK2"u8.ToArray());
        Assert.Equal(["a.example.com", "b.example.com"], vias.Select(v => v.Host));

        var list = new List<ViaHeader>();
        Assert.False(ViaHeader.TryParseList("SIP/2.0/UDP a.example.com,"u8, list));
        Assert.False(ViaHeader.TryParseList("SIP/2.0/UDP a.example.com, SIP/7.0/UDP b.example.com"u8, list));
        Assert.False(ViaHeader.TryParseList("  "u8, list));
        Assert.Empty(list);
    }

    [Fact]
    public void Formats_canonical_and_new_via_parms()
    {
        Assert.Equal("SIP/2.0/UDP 192.0.2.2;branch=390skdjuw", Parse("SIP  /   2.0\r\n /udp\r\n    192.0.2.2;branch=390skdjuw").ToString());
        Assert.Equal("SIP/2.0/TCP h.example.com:5061;rport=1;x=\"y\"", Parse("SIP/2.0/TCP h.example.com : 5061 ; rport = 1 ; x = \"y\"").ToString());

        string text = ViaHeader.Format("UDP", "192.0.2.4", 5060, "z9hG4bKnashds7", requestRport: true);
        Assert.Equal("SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKnashds7;rport", text);
        ViaHeader via = Parse(text);
        Assert.True(via.HasRport);
        Assert.True(via.IsRfc3261Branch);
    }

    // RFC 4475 torture messages and the SIP-I/SIP-T calls.

    [Fact]
    public void Torture_wsinv_folded_via_values_including_a_two_value_line()
    {
        var message = RawMessage.Load("torture", "wsinv.dat");
        List<ViaHeader> vias = message.Values("Via", "v").SelectMany(ParseList).ToList();
        Assert.Equal(["UDP", "TCP", "UDP"], vias.Select(v => v.Transport));
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], vias.Select(v => v.Host));
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], vias.Select(v => v.Branch));
        Assert.False(vias[0].IsRfc3261Branch);
    }

    [Fact]
    public void Torture_transports_all_known_and_an_unknown_transport()
    {
        var message = RawMessage.Load("torture", "transports.dat");
        List<ViaHeader> vias = message.Values("Via").SelectMany(ParseList).ToList();
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], vias.Select(v => v.Transport));
        Assert.All(vias, v => Assert.True(v.IsRfc3261Branch));
    }

    [Fact]
    public void Torture_badvers_sip_7_is_rejected()
    {
        var message = RawMessage.Load("torture", "badvers.dat");
        Assert.False(ViaHeader.TryParseList(message.Value("Via"), []));
    }

    [Fact]
    public void Torture_badinv01_extra_separators_are_rejected()
    {
        var message = RawMessage.Load("torture", "badinv01.dat");
        Assert.False(ViaHeader.TryParseList(message.Value("Via"), []));
    }

    [Fact]
    public void Torture_badbranch_branch_that_is_only_the_cookie_parses_but_is_not_an_rfc3261_identifier()
    {
        ViaHeader via = Assert.Single(ParseList(RawMessage.Load("torture", "badbranch.dat").Value("Via")));
        Assert.Equal("z9hG4bK", via.Branch);
        Assert.True(via.HasMagicCookie);
        Assert.False(via.IsRfc3261Branch);
    }

    [Theory]
    [InlineData("intmeth.dat", "TCP", "host1.example.com", "z9hG4bK-.!%66*_+`'~")]
    [InlineData("esc02.dat", "TCP", "host.example.com", "z9hG4bK209%fzsnel234")]
    [InlineData("inv2543.dat", "UDP", "iftgw.example.com", null)]
    [InlineData("scalarlg.dat", "TCP", "host129.example.com", "z9hG4bKzzxdiwo34sw")]
    [InlineData("mpart01.dat", "UDP", "127.0.0.1", "z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-")]
    public void Torture_single_via_values(string file, string transport, string host, string? branch)
    {
        ViaHeader via = Assert.Single(ParseList(RawMessage.Load("torture", file).Value("Via", "v")));
        Assert.Equal(transport, via.Transport);
        Assert.Equal(host, via.Host);
        Assert.Equal(branch, via.Branch);
    }

    [Fact]
    public void Torture_mpart01_empty_rport_and_bcast_broadcast_sent_by()
    {
        Assert.True(ParseList(RawMessage.Load("torture", "mpart01.dat").Value("Via"))[0].HasRport);
        var bcast = RawMessage.Load("torture", "bcast.dat").Values("Via").SelectMany(ParseList).ToList();
        Assert.Equal("255.255.255.255", bcast[1].Host);
        Assert.Equal(SipUriHostKind.IPv4, bcast[1].HostKind);
    }

    [Fact]
    public void Torture_longreq_thirty_four_vias_with_mixed_header_name_case()
    {
        var message = RawMessage.Load("torture", "longreq.dat");
        List<ViaHeader> vias = message.Values("Via", "v").SelectMany(ParseList).ToList();
        Assert.Equal(34, vias.Count);
        Assert.Equal("192.0.2.5", vias[^1].Received);
    }

    [Fact]
    public void Sipi_183_via_with_received()
    {
        var message = RawMessage.Load("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        ViaHeader via = Assert.Single(ParseList(message.Value("Via")));
        Assert.Equal("10.0.5.25", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("10.0.5.25", via.Received);
        Assert.Equal("z9hG4bK7fe8d1cf28d381861f", via.Branch);
    }
}
