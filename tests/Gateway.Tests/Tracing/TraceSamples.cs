using System.Buffers.Binary;
using System.Net;
using System.Text;
using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

/// <summary>The endpoints and messages of a short SIP-to-ISUP call as the daemon would trace them.</summary>
internal static class TraceSamples
{
    public const string InviteCallId = "a84b4c76e66710@pbx.example.com";
    public const string TcpCallId = "options-over-tcp@gw1.example.net";

    public static readonly IPEndPoint SipLocal = new(IPAddress.Parse("192.0.2.1"), 5060);
    public static readonly IPEndPoint SipRemote = new(IPAddress.Parse("192.0.2.10"), 5060);
    public static readonly IPEndPoint SipTcpRemote = new(IPAddress.Parse("192.0.2.20"), 41234);
    public static readonly IPEndPoint M3uaLocal = new(IPAddress.Parse("198.51.100.1"), 40123);
    public static readonly IPEndPoint M3uaRemote = new(IPAddress.Parse("198.51.100.2"), 2905);

    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An ACM on CIC 21: backward call indicators (subscriber free, ordinary subscriber), no optional part.</summary>
    public static readonly byte[] Acm = Convert.FromHexString("1500" + "06" + "1614" + "00");

    /// <summary>ASPUP: M3UA management (ASPSM class 3, type 1), no parameters.</summary>
    public static readonly byte[] AspUp = Convert.FromHexString("0100030100000008");

    public static byte[] Response(int status, string reason, string callId = InviteCallId, string method = "INVITE", int cseq = 314159) => Encoding.ASCII.GetBytes(
        $"SIP/2.0 {status} {reason}\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds.a1b2c3;rport=5060\r\n" +
        "From: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>;tag=1928301774\r\n" +
        "To: <sip:+4930123456@gw1.carrier.example.net;user=phone>;tag=gw-77\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");

    public static byte[] Options(int cseq, string callId = TcpCallId) => Encoding.ASCII.GetBytes(
        "OPTIONS sip:ping@192.0.2.20:41234;transport=tcp SIP/2.0\r\n" +
        $"Via: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK-opt-{cseq}\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:gw1@gw1.example.net>;tag=opt\r\n" +
        "To: <sip:ping@192.0.2.20>\r\n" +
        $"i: {callId}\r\n" + // compact form, which the filter must find too
        $"CSeq: {cseq} OPTIONS\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");

    /// <summary>An M3UA DATA (Routing Context 10) carrying <paramref name="isup"/> from <paramref name="opc"/> to <paramref name="dpc"/>.</summary>
    public static byte[] Data(uint opc, uint dpc, ReadOnlySpan<byte> isup)
    {
        int protocolDataLength = 4 + 12 + isup.Length;
        int padded = (protocolDataLength + 3) & ~3;
        byte[] message = new byte[8 + 8 + padded];
        Span<byte> m = message;
        m[0] = 1;
        m[2] = 1;
        m[3] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(m[4..], (uint)message.Length);
        BinaryPrimitives.WriteUInt32BigEndian(m[8..], 0x0006_0008);
        BinaryPrimitives.WriteUInt32BigEndian(m[12..], 10);
        BinaryPrimitives.WriteUInt16BigEndian(m[16..], 0x0210);
        BinaryPrimitives.WriteUInt16BigEndian(m[18..], (ushort)protocolDataLength);
        BinaryPrimitives.WriteUInt32BigEndian(m[20..], opc);
        BinaryPrimitives.WriteUInt32BigEndian(m[24..], dpc);
        m[28] = 5; // SI ISUP
        m[29] = 2; // national
        m[31] = (byte)(isup.Length > 0 ? isup[0] & 0x0F : 0);
        isup.CopyTo(m[32..]);
        return message;
    }

    public static TracedMessage Sip(TraceDirection direction, byte[] bytes, int second, TraceTransport transport = TraceTransport.Udp, IPEndPoint? remote = null) =>
        new(TraceProtocol.Sip, direction, SipLocal, remote ?? SipRemote, transport, Start.AddMilliseconds(second * 100), bytes);

    public static TracedMessage M3ua(TraceDirection direction, byte[] bytes, int second, ushort stream = 1) =>
        new(TraceProtocol.M3ua, direction, M3uaLocal, M3uaRemote, TraceTransport.Tcp, Start.AddMilliseconds(second * 100), bytes, stream);

    /// <summary>
    /// The call: INVITE in over UDP, 100/180/200 out; two OPTIONS out and their 200s in on one TCP connection; the IAM
    /// out and the ACM in over M3UA (on TCP), and an ASPUP. Returns how many messages it recorded.
    /// </summary>
    public static int RecordCall(ITraceSink sink)
    {
        byte[] invite = SipSamples.InviteBytes();
        int n = 0;
        sink.Record(Sip(TraceDirection.Received, invite, n++));
        sink.Record(M3ua(TraceDirection.Sent, AspUp, n++, stream: 0));
        sink.Record(Sip(TraceDirection.Sent, Response(100, "Trying"), n++));
        sink.Record(M3ua(TraceDirection.Sent, M3uaWireSamples.DataWithIam, n++));
        sink.Record(M3ua(TraceDirection.Received, Data(M3uaWireSamples.Dpc, M3uaWireSamples.Opc, Acm), n++));
        sink.Record(Sip(TraceDirection.Sent, Response(180, "Ringing"), n++));
        sink.Record(Sip(TraceDirection.Sent, Options(1), n++, TraceTransport.Tcp, SipTcpRemote));
        sink.Record(Sip(TraceDirection.Sent, Options(2), n++, TraceTransport.Tcp, SipTcpRemote));
        sink.Record(Sip(TraceDirection.Received, Response(200, "OK", TcpCallId, "OPTIONS", 1), n++, TraceTransport.Tcp, SipTcpRemote));
        sink.Record(Sip(TraceDirection.Received, Response(200, "OK", TcpCallId, "OPTIONS", 2), n++, TraceTransport.Tcp, SipTcpRemote));
        sink.Record(Sip(TraceDirection.Sent, Response(200, "OK"), n++));
        return n;
    }
}
