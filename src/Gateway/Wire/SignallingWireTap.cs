using System.Net;
using Gateway.M3ua;
using Gateway.Metrics;
using Gateway.Sip;

namespace Gateway.Wire;

/// <summary>
/// What the daemon does with every message its SIP stack and M3UA associations send and receive: counts it by
/// protocol and type (and the ISUP inside M3UA DATA), counts what could not be parsed, and hands it to the
/// signalling trace when one runs.
/// </summary>
public sealed class SignallingWireTap(GatewayMetrics metrics) : ISipWireTap, IM3uaWireTap
{
    private const ushort M3uaErr = 0x0000;

    public bool IsTapping => true;

    public void Received(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message) =>
        metrics.MessageReceived(MetricWords.Sip, MessageTypeWords.Sip(message));

    public void Sent(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message) =>
        metrics.MessageSent(MetricWords.Sip, MessageTypeWords.Sip(message));

    public void Malformed(SipTransportProtocol transport, IPEndPoint remote) => metrics.ParseError(MetricWords.Sip);

    public void Received(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message)
    {
        metrics.MessageReceived(MetricWords.M3ua, MessageTypeWords.M3ua(message));
        if (M3uaProtocolData.TryRead(message, out M3uaProtocolData data) && data.IsupMessageType is byte type)
        {
            metrics.MessageReceived(MetricWords.Isup, MessageTypeWords.Isup(type));
        }
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
    }
}
