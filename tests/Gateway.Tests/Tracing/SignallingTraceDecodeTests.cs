using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

/// <summary>Wireshark, as an independent decoder, reads back every frame a trace of a whole call wrote.</summary>
public sealed class SignallingTraceDecodeTests
{
    /// <summary>Checksum checks Wireshark leaves off by default, turned on so that a wrong one is an expert error.</summary>
    internal static readonly string[] ChecksumPreferences =
    [
        "-o", "ip.check_checksum:TRUE",
        "-o", "udp.check_checksum:TRUE",
        "-o", "tcp.check_checksum:TRUE",
        "-o", "sctp.checksum:crc-32c",
    ];

    private static readonly string[] Fields =
    [
        "frame.protocols", "sip.Method", "sip.Status-Code", "sip.Call-ID", "m3ua.message_class", "isup.message_type", "isup.cic",
        "sctp.checksum.status", "tcp.analysis.flags", "ip.checksum.status", "udp.checksum.status", "tcp.checksum.status",
        "sctp.data_tsn", "sctp.data_ssn", "tcp.seq", "ip.src", "ip.dst",
    ];

    [Fact]
    public async Task Every_frame_of_a_call_decodes_without_errors()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("trace.pcapng");
        int recorded;
        await using (var trace = new SignallingTrace())
        {
            trace.Start(new SignallingTraceOptions(path));
            recorded = TraceSamples.RecordCall(trace);
            await trace.StopAsync();
            Assert.Equal(recorded, trace.Written);
            Assert.Equal(0, trace.Dropped);
            Assert.Equal(0, trace.FilteredOut);
        }

        var frames = Tshark.DecodeFile(path, ChecksumPreferences, Fields);
        Assert.Equal(recorded, frames.Count);
        foreach (var frame in frames)
        {
            Assert.False(frame.Malformed, frame.ToString());
            Assert.True(frame.MaxSeverity < Tshark.Warning, frame.ToString());
            Assert.Equal("", frame.Fields[8]); // no TCP analysis finding at all: no lost or unseen segments
            var checksums = frame.Fields.Skip(9).Take(3).ToArray();
            Assert.DoesNotContain("2", checksums); // 2 is "unverified", 0 "bad"
            Assert.DoesNotContain("0", checksums);
        }

        string[] protocols = [.. frames.Select(f => f.Fields[0])];
        Assert.Equal("eth:ethertype:ip:udp:sip:sdp", protocols[0]);
        Assert.Equal("eth:ethertype:ip:sctp:m3ua", protocols[1]);
        Assert.Equal("eth:ethertype:ip:sctp:m3ua:isup", protocols[3]);
        Assert.Equal("eth:ethertype:ip:tcp:sip", protocols[6]);

        Assert.Equal(["INVITE", "", "", "", "", "", "OPTIONS", "OPTIONS", "", "", ""], frames.Select(f => f.Fields[1]));
        Assert.Equal(["", "", "100", "", "", "180", "", "", "200", "200", "200"], frames.Select(f => f.Fields[2]));
        Assert.Equal(["", "3", "", "1", "1", "", "", "", "", "", ""], frames.Select(f => f.Fields[4]));
        Assert.Equal(["", "", "", "1", "6", "", "", "", "", "", ""], frames.Select(f => f.Fields[5]));
        Assert.Equal(["", "", "", "21", "21", "", "", "", "", "", ""], frames.Select(f => f.Fields[6]));

        // The SCTP checksum was really checked (1: good), on every SCTP frame.
        Assert.Equal(["", "1", "", "1", "1", "", "", "", "", "", ""], frames.Select(f => f.Fields[7]));

        // Received messages go from the remote end to the local one.
        Assert.Equal("192.0.2.10", frames[0].Fields[15]);
        Assert.Equal("192.0.2.1", frames[0].Fields[16]);
        Assert.Equal("198.51.100.2", frames[4].Fields[15]);
    }

    [Fact]
    public void Ipv6_endpoints_give_ipv6_frames_that_decode()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("v6.pcapng");
        var local = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("2001:db8::1"), 5060);
        var remote = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("2001:db8::2"), 5060);
        var mapped = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("::ffff:192.0.2.10"), 5060);
        var builder = new SyntheticFrame();
        var frames = new List<(DateTimeOffset, byte[])>();
        byte[] frame = new byte[SyntheticFrame.MaxFrameLength];
        byte[] invite = SipSamples.InviteBytes();
        void Add(TracedMessage m)
        {
            int length = builder.Build(in m, frame, out _);
            frames.Add((m.Timestamp, frame[..length]));
        }

        Add(new TracedMessage(TraceProtocol.Sip, TraceDirection.Received, local, remote, TraceTransport.Udp, TraceSamples.Start, invite));
        Add(new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, local, remote, TraceTransport.Tcp, TraceSamples.Start, TraceSamples.Options(1)));
        Add(new TracedMessage(TraceProtocol.M3ua, TraceDirection.Sent, local, remote, TraceTransport.Sctp, TraceSamples.Start, Gateway.Testing.M3uaWireSamples.DataWithIam, 1));
        Add(new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, local, remote, TraceTransport.Sctp, TraceSamples.Start, TraceSamples.Response(100, "Trying")));
        // A dual-stack socket reporting a mapped IPv4 peer next to an IPv6 local address.
        Add(new TracedMessage(TraceProtocol.Sip, TraceDirection.Received, local, mapped, TraceTransport.Udp, TraceSamples.Start, invite));

        using (var file = File.Create(path))
        {
            var writer = new PcapngWriter(file);
            foreach (var (timestamp, bytes) in frames)
            {
                writer.WritePacket(timestamp, bytes);
            }
        }

        var decoded = Tshark.DecodeFile(path, ChecksumPreferences, "frame.protocols", "sip.Method", "sip.Status-Code", "isup.cic", "ipv6.src", "sctp.checksum.status", "udp.checksum.status", "tcp.checksum.status");
        Assert.Equal(5, decoded.Count);
        Assert.All(decoded, f => Assert.True(!f.Malformed && f.MaxSeverity < Tshark.Warning, f.ToString()));
        Assert.Equal(["INVITE", "OPTIONS", "", "", "INVITE"], decoded.Select(f => f.Fields[1]));
        Assert.Equal("100", decoded[3].Fields[2]);
        Assert.Equal("21", decoded[2].Fields[3]);
        Assert.Equal("2001:db8::2", decoded[0].Fields[4]);
        Assert.Equal("::ffff:192.0.2.10", decoded[4].Fields[4]);
        Assert.Equal("1", decoded[2].Fields[5]);
        Assert.Equal("1", decoded[0].Fields[6]);
        Assert.Equal("1", decoded[1].Fields[7]);
        Assert.Contains("sctp:sip", decoded[3].Fields[0]);
    }

    [Fact]
    public void A_message_too_big_for_an_ip_packet_is_cut_not_thrown()
    {
        var builder = new SyntheticFrame();
        byte[] frame = new byte[SyntheticFrame.MaxFrameLength];
        byte[] huge = new byte[100_000];
        foreach (var transport in new[] { TraceTransport.Udp, TraceTransport.Tcp, TraceTransport.Sctp })
        {
            var m = new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, TraceSamples.SipLocal, TraceSamples.SipRemote, transport, TraceSamples.Start, huge);
            int length = builder.Build(in m, frame, out int original);
            Assert.True(length <= 14 + 65535, $"{transport}: {length}");
            Assert.True(original > length);
        }

        using var stream = new MemoryStream();
        var writer = new PcapngWriter(stream);
        writer.WritePacket(TraceSamples.Start, frame.AsSpan(0, 100), 200);
        Assert.Equal(28 + 32 + 32 + 100, stream.Length);
    }
}
