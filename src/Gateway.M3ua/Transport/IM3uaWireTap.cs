namespace Gateway.M3ua;

/// <summary>
/// Sees every M3UA message of an association as it crosses the wire, whole: for a signalling trace and message counts,
/// which the association itself knows nothing about. Called on network and timer threads, so it must be quick and
/// never throw; the bytes are only valid during the call.
/// </summary>
public interface IM3uaWireTap
{
    /// <summary>False when nothing would be done with the bytes.</summary>
    bool IsTapping { get; }

    void Received(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message);

    void Sent(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message);
}
