using System.Net;

namespace Gateway.Tracing;

/// <summary>
/// One message as it crossed the wire, borrowed for the duration of a <see cref="ITraceSink.Record"/> call: the sink
/// copies what it keeps, so the caller may reuse its buffer as soon as the call returns.
/// </summary>
public readonly ref struct TracedMessage
{
    public TracedMessage(
        TraceProtocol protocol,
        TraceDirection direction,
        IPEndPoint local,
        IPEndPoint remote,
        TraceTransport transport,
        DateTimeOffset timestamp,
        ReadOnlySpan<byte> bytes,
        ushort sctpStream = 0)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        Protocol = protocol;
        Direction = direction;
        Local = local;
        Remote = remote;
        Transport = transport;
        Timestamp = timestamp;
        Bytes = bytes;
        SctpStream = sctpStream;
    }

    public TraceProtocol Protocol { get; }

    public TraceDirection Direction { get; }

    public IPEndPoint Local { get; }

    public IPEndPoint Remote { get; }

    public TraceTransport Transport { get; }

    /// <summary>The SCTP stream the message went on; for M3UA over TCP the stream it would have used (RFC 4666 §1.4.7: 0 for management).</summary>
    public ushort SctpStream { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>One whole SIP message, or one whole M3UA message.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The sender of the message: the remote end for <see cref="TraceDirection.Received"/>, else the local end.</summary>
    public IPEndPoint Source => Direction == TraceDirection.Received ? Remote : Local;

    /// <summary>The receiver of the message.</summary>
    public IPEndPoint Destination => Direction == TraceDirection.Received ? Local : Remote;
}
