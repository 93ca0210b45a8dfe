namespace Gateway.M3ua;

/// <summary>
/// Limits and SCTP association parameters of an M3UA transport. TCP uses only <see cref="MaxMessageSize"/> and
/// <see cref="ListenBacklog"/>; the stream counts and INIT settings are SCTP's (sctp_initmsg).
/// </summary>
public sealed record M3uaTransportOptions
{
    public static M3uaTransportOptions Default { get; } = new();

    /// <summary>
    /// The largest message accepted or sent, common header included. A TCP length field above it closes the connection
    /// before anything is allocated for it; an SCTP message longer than it aborts the association. ISUP in DATA needs a
    /// few hundred octets; the default leaves room for SCCP/TCAP.
    /// </summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Outbound streams asked for in INIT (the peer may grant fewer). M3UA needs at least 2: management on 0, DATA from 1.</summary>
    public ushort OutboundStreams { get; init; } = 16;

    /// <summary>Inbound streams this side accepts at most.</summary>
    public ushort MaxInboundStreams { get; init; } = 16;

    /// <summary>INIT retransmissions before connect fails; 0 keeps the kernel's default (net.sctp.max_init_retransmits).</summary>
    public ushort InitMaxAttempts { get; init; } = 4;

    /// <summary>Longest INIT retransmission timeout; zero keeps the kernel's default (net.sctp.rto_max).</summary>
    public TimeSpan InitMaxTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Connections a server lets the kernel queue before it accepts them.</summary>
    public int ListenBacklog { get; init; } = 16;

    /// <summary>Below this an SCTP notification could not be read whole (sctp_paddr_change alone is 148 octets).</summary>
    internal const int SmallestMaxMessageSize = 512;

    internal const int LargestMaxMessageSize = 16 * 1024 * 1024;

    internal void Validate()
    {
        if (MaxMessageSize is < SmallestMaxMessageSize or > LargestMaxMessageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), MaxMessageSize,
                $"The maximum message size must be between {SmallestMaxMessageSize} and {LargestMaxMessageSize} octets.");
        }
        if (OutboundStreams == 0) throw new ArgumentOutOfRangeException(nameof(OutboundStreams), "At least one outbound stream is needed.");
        if (MaxInboundStreams == 0) throw new ArgumentOutOfRangeException(nameof(MaxInboundStreams), "At least one inbound stream is needed.");
        if (InitMaxTimeout < TimeSpan.Zero || InitMaxTimeout.TotalMilliseconds > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(InitMaxTimeout), InitMaxTimeout, "The INIT timeout is carried in milliseconds in 16 bits.");
        }
        if (ListenBacklog < 1) throw new ArgumentOutOfRangeException(nameof(ListenBacklog), ListenBacklog, "The backlog must be positive.");
    }
}
