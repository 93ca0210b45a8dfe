namespace Gateway.Isup;

/// <summary>
/// Where call control (the interworking layer) hears about its calls. Events of one call come in order, one at a time,
/// never under a lock: a handler may call straight back into <see cref="IsupCallControl"/> (send ACM on
/// <see cref="IsupCallEventKind.IncomingCall"/>, for instance); what that call decides is delivered after the handler
/// returns. Events of all the circuits toward one point code are delivered by one thread at a time, so a handler must
/// not block.
/// </summary>
public interface IIsupCallEventSink
{
    /// <summary>One event of <paramref name="call"/>. After <see cref="IsupCallEventKind.Released"/> or <see cref="IsupCallEventKind.Failed"/> nothing more comes for it.</summary>
    void OnCallEvent(IsupCall call, in IsupCallEvent callEvent);
}
