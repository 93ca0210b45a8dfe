namespace Gateway.Sip;

/// <summary>
/// What the stack counts instead of logging every time: how much a peer's garbage cost, and what it dropped.
/// Thread-safe; monotonic for the stack's life.
/// </summary>
public sealed class SipStackCounters
{
    private long _received;
    private long _rateLimited;
    private long _malformedAnswered;
    private long _malformedDropped;
    private long _responsesDiscarded;
    private long _strayResponses;
    private long _strayAcks;
    private long _userErrors;

    /// <summary>Messages (and keep-alives) that passed the rate limiter.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Datagrams or stream messages dropped by the per-source rate limit.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Malformed requests answered with 400, 505 or 513.</summary>
    public long MalformedAnswered => Interlocked.Read(ref _malformedAnswered);

    /// <summary>Malformed messages dropped: responses, and requests too broken to answer.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    /// <summary>
    /// Well-formed responses dropped before matching (RFC 3261 §18.1.2, §8.1.3.3): a sent-by that is not ours,
    /// more than one Via, no branch.
    /// </summary>
    public long ResponsesDiscarded => Interlocked.Read(ref _responsesDiscarded);

    /// <summary>Responses that matched no client transaction and were handed to the TU.</summary>
    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    /// <summary>ACKs that matched no server transaction and were handed to the TU (normally the ACKs of 2xx).</summary>
    public long StrayAcks => Interlocked.Read(ref _strayAcks);

    /// <summary>Exceptions thrown by the TU's callbacks (caught and logged; a SIP peer never sees them).</summary>
    public long UserErrors => Interlocked.Read(ref _userErrors);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountMalformedAnswered() => Interlocked.Increment(ref _malformedAnswered);

    internal void CountMalformedDropped() => Interlocked.Increment(ref _malformedDropped);

    internal void CountResponseDiscarded() => Interlocked.Increment(ref _responsesDiscarded);

    internal void CountStrayResponse() => Interlocked.Increment(ref _strayResponses);

    internal void CountStrayAck() => Interlocked.Increment(ref _strayAcks);

    internal void CountUserError() => Interlocked.Increment(ref _userErrors);
}
