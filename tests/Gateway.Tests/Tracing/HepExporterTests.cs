using System.Buffers.Binary;
using System.Net;
using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class HepExporterTests
{
    [Fact]
    public async Task Each_message_is_one_hepv3_datagram_whose_sip_and_m3ua_decode()
    {
        using var collector = new UdpReceiver();
        var options = new HepOptions(new IPEndPoint(IPAddress.Loopback, collector.Port)) { CaptureAgentId = 2001, AuthenticationKey = "s3cret" };
        int recorded;
        using (var exporter = new HepExporter(options))
        {
            recorded = TraceSamples.RecordCall(exporter);
            Assert.Equal(recorded, exporter.Sent);
            Assert.Equal(0, exporter.Dropped);
        }

        var datagrams = new List<byte[]>();
        for (int i = 0; i < recorded; i++)
        {
            datagrams.Add(await collector.ReceiveBytesAsync(TimeSpan.FromSeconds(5)));
        }

        var frames = Tshark.DecodeHep(
            datagrams,
            "hep3.error", "hep3.ip_family", "hep3.ip_proto", "hep3.src_ip4", "hep3.dst_ip4", "hep3.src_port", "hep3.dst_port",
            "hep3.proto_type", "hep3.capture_id", "hep3.auth_key", "hep3.ts_sec", "hep3.ts_usec", "sip.Method", "sip.Status-Code",
            "sip.Call-ID", "m3ua.message_class", "isup.cic");
        Assert.Equal(recorded, frames.Count);
        Assert.All(frames, f => Assert.False(f.Malformed || f.MaxSeverity >= Tshark.Warning, f.ToString()));
        Assert.All(frames, f => Assert.Equal("", f.Fields[0]));
        Assert.All(frames, f => Assert.Equal(["2", "2001", "s3cret"], [f.Fields[1], f.Fields[8], f.Fields[9]]));

        // The INVITE, received over UDP: from the remote end to the local one, at the message's time.
        Assert.Equal(["17", "192.0.2.10", "192.0.2.1", "5060", "5060", "1"], frames[0].Fields.Skip(2).Take(6));
        Assert.Equal("INVITE", frames[0].Fields[12]);
        Assert.Equal(TraceSamples.InviteCallId, frames[0].Fields[14]);
        Assert.Equal(TraceSamples.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), frames[0].Fields[10]);
        Assert.Equal(["0", "100000"], frames.Take(2).Select(f => f.Fields[11]));

        Assert.Equal(["INVITE", "", "", "", "", "", "OPTIONS", "OPTIONS", "", "", ""], frames.Select(f => f.Fields[12]));
        Assert.Equal(["", "", "100", "", "", "180", "", "", "200", "200", "200"], frames.Select(f => f.Fields[13]));
        Assert.Equal("6", frames[6].Fields[2]); // SIP over TCP

        // M3UA (protocol type 9) over TCP, as it really went; the IAM sent from local to remote.
        Assert.Equal(["6", "198.51.100.1", "198.51.100.2", "40123", "2905", "9"], frames[3].Fields.Skip(2).Take(6));
        Assert.Equal(["", "3", "", "1", "1", "", "", "", "", "", ""], frames.Select(f => f.Fields[15]));
        Assert.Equal(["", "", "", "21", "21", "", "", "", "", "", ""], frames.Select(f => f.Fields[16]));
    }

    [Fact]
    public void The_encoding_is_chunk_by_chunk_as_the_specification_has_it()
    {
        var local = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060);
        var remote = new IPEndPoint(IPAddress.Parse("2001:db8::2"), 5070);
        byte[] payload = [0x41, 0x42, 0x43];
        var message = new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, local, remote, TraceTransport.Udp, TraceSamples.Start.AddTicks(1_234_567), payload);
        byte[] buffer = new byte[200];
        Assert.True(HepEncoder.TryEncode(in message, 7, default, buffer, out int written));
        Assert.Equal(HepEncoder.GetEncodedLength(in message), written);

        ReadOnlySpan<byte> hep = buffer.AsSpan(0, written);
        Assert.True(hep[..4].SequenceEqual("HEP3"u8));
        Assert.Equal(written, BinaryPrimitives.ReadUInt16BigEndian(hep[4..]));
        var chunks = new Dictionary<ushort, byte[]>();
        for (int offset = 6; offset < written;)
        {
            Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(hep[offset..]));
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(hep[(offset + 2)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(hep[(offset + 4)..]);
            chunks.Add(type, hep.Slice(offset + 6, length - 6).ToArray());
            offset += length;
        }

        Assert.Equal(new ushort[] { 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 15 }, chunks.Keys.Order());
        Assert.Equal([10], chunks[1]);
        Assert.Equal([17], chunks[2]);
        Assert.Equal(local.Address.GetAddressBytes(), chunks[5]);
        Assert.Equal(remote.Address.GetAddressBytes(), chunks[6]);
        Assert.Equal([0x13, 0xC4], chunks[7]);
        Assert.Equal([0x13, 0xCE], chunks[8]);
        Assert.Equal(123_456u, BinaryPrimitives.ReadUInt32BigEndian(chunks[10]));
        Assert.Equal([1], chunks[11]);
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32BigEndian(chunks[12]));
        Assert.Equal(payload, chunks[15]);

        Assert.False(HepEncoder.TryEncode(in message, 7, default, buffer.AsSpan(0, written - 1), out _));
    }

    [Fact]
    public void Unsendable_messages_are_counted_not_thrown_and_the_filter_applies()
    {
        using var collector = new UdpReceiver();
        var exporter = new HepExporter(new HepOptions(new IPEndPoint(IPAddress.Loopback, collector.Port)) { Filter = new TraceFilter(cics: [21]) });
        exporter.Record(TraceSamples.Sip(TraceDirection.Received, SipSamples.InviteBytes(), 0));
        Assert.Equal(1, exporter.FilteredOut);

        byte[] huge = TraceSamples.Data(1, 2, new byte[70_000]);
        huge[32] = 21;
        exporter.Record(TraceSamples.M3ua(TraceDirection.Sent, huge, 0));
        Assert.Equal(1, exporter.Dropped);

        exporter.Dispose();
        exporter.Record(TraceSamples.M3ua(TraceDirection.Sent, M3uaWireSamples.DataWithIam, 0));
        Assert.Equal(2, exporter.Dropped);
        Assert.Equal(0, exporter.Sent);
    }
}
