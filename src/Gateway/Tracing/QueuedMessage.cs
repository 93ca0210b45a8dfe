using System.Net;

namespace Gateway.Tracing;

/// <summary>
/// A <see cref="TracedMessage"/> on its way to the writer: the same fields, its bytes copied into a buffer rented from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> that the writer returns.
/// </summary>
internal readonly record struct QueuedMessage(
    TraceProtocol Protocol,
    TraceDirection Direction,
    IPEndPoint Local,
    IPEndPoint Remote,
    TraceTransport Transport,
    ushort SctpStream,
    DateTimeOffset Timestamp,
    byte[] Buffer,
    int Length)
{
    public TracedMessage ToTracedMessage() =>
        new(Protocol, Direction, Local, Remote, Transport, Timestamp, Buffer.AsSpan(0, Length), SctpStream);
}
