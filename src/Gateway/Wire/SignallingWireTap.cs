using System.Net;
using Gateway.M3ua;
using Gateway.Metrics;
using Gateway.Sip;
using Gateway.Tracing;

namespace Gateway.Wire;

/// <summary>
/// What the daemon does with every message its SIP stack and M3UA associations send and receive: counts it by
/// protocol and type (and the ISUP inside M3UA DATA), counts what could not be parsed, and hands it to the operator's
/// pcapng trace when one runs and to the Homer server when one is configured.
/// </summary>
public sealed class SignallingWireTap(GatewayMetrics metrics, SignallingTrace trace, TimeProvider time, HepExporter? hep = null)
    : ISipWireTap, IM3uaWireTap
{
    private const ushort M3uaErr = 0x0000;

    public bool IsTapping => true;

    public void Received(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message)
    {
        metrics.MessageReceived(MetricWords.Sip, MessageTypeWords.Sip(message));
        if (Tracing) Record(new TracedMessage(TraceProtocol.Sip, TraceDirection.Received, local, remote, Transport(transport), time.GetUtcNow(), message));
    }

    public void Sent(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message)
    {
        metrics.MessageSent(MetricWords.Sip, MessageTypeWords.Sip(message));
        if (Tracing) Record(new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, local, remote, Transport(transport), time.GetUtcNow(), message));
    }

    public void Malformed(SipTransportProtocol transport, IPEndPoint remote) => metrics.ParseError(MetricWords.Sip);

    public void Received(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message)
    {
        metrics.MessageReceived(MetricWords.M3ua, MessageTypeWords.M3ua(message));
        if (M3uaProtocolData.TryRead(message, out M3uaProtocolData data) && data.IsupMessageType is byte type)
        {
            metrics.MessageReceived(MetricWords.Isup, MessageTypeWords.Isup(type));
        }
        if (Tracing) Record(new TracedMessage(TraceProtocol.M3ua, TraceDirection.Received, connection.Local, connection.Remote, Transport(connection),
            time.GetUtcNow(), message, stream));
    }

    public void Sent(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message)
    {
        metrics.MessageSent(MetricWords.M3ua, MessageTypeWords.M3ua(message));
        if (M3uaProtocolData.TryRead(message, out M3uaProtocolData data) && data.IsupMessageType is byte type)
        {
            metrics.MessageSent(MetricWords.Isup, MessageTypeWords.Isup(type));
        }
        else if (message.Length >= 4 && message[2] == (M3uaErr >> 8) && message[3] == (M3uaErr & 0xFF))
        {
            // We send ERR only for what the peer sent and we could not accept: its parse errors, as we count them.
            metrics.ParseError(MetricWords.M3ua);
        }
        if (Tracing) Record(new TracedMessage(TraceProtocol.M3ua, TraceDirection.Sent, connection.Local, connection.Remote, Transport(connection),
            time.GetUtcNow(), message, stream));
    }

    // Checked first so that an untraced message costs no clock read.
    private bool Tracing => hep is not null || trace.IsTracing;

    private void Record(in TracedMessage message)
    {
        trace.Record(in message);
        hep?.Record(in message);
    }

    private static TraceTransport Transport(SipTransportProtocol transport) => transport == SipTransportProtocol.Udp ? TraceTransport.Udp : TraceTransport.Tcp;

    private static TraceTransport Transport(M3uaConnection connection) => connection.Transport == M3uaTransportKind.Sctp ? TraceTransport.Sctp : TraceTransport.Tcp;
}
