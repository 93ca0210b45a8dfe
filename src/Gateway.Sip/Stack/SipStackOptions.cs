using System.Net;

namespace Gateway.Sip;

/// <summary>
/// What a <see cref="SipStack"/> is configured with: where it listens, what it writes as its sent-by, the RFC 3261
/// timers, and the limits that protect it from peers.
/// </summary>
public sealed record SipStackOptions
{
    /// <summary>The UDP address to bind, or null for no UDP. Port 0 lets the kernel choose (tests).</summary>
    public IPEndPoint? UdpEndPoint { get; init; } = new(IPAddress.Any, 5060);

    /// <summary>
    /// The TCP address to listen on, or null for no TCP. Without TCP, requests larger than 1300 bytes cannot be sent
    /// (RFC 3261 §18.1.1) and fail with <see cref="SipTransactionEnd.TransportFailed"/>.
    /// </summary>
    public IPEndPoint? TcpEndPoint { get; init; } = new(IPAddress.Any, 5060);

    /// <summary>
    /// The host written in the sent-by of our Via headers (RFC 3261 §18.1.1): the address or name peers reach us at.
    /// Null: the bound address, which must then not be a wildcard address.
    /// </summary>
    public string? SentByHost { get; init; }

    /// <summary>The port written in our sent-by; null: the bound port of the transport the request goes on.</summary>
    public int? SentByPort { get; init; }

    /// <summary>T1, T2, T4 and the 100 Trying delay (RFC 3261 §17, Table 4).</summary>
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;

    /// <summary>The largest message accepted, in bytes (<see cref="SipParserOptions.MaxMessageSize"/>).</summary>
    public int MaxMessageSize { get; init; } = 65_536;

    /// <summary>Messages per second each source address may send before the stack drops its messages unparsed.</summary>
    public double RateLimitPerSecond { get; init; } = 500;

    /// <summary>How many messages a source may send in a burst above <see cref="RateLimitPerSecond"/>.</summary>
    public int RateLimitBurst { get; init; } = 1000;

    /// <summary>How many source addresses the rate limiter and the defect log keep track of.</summary>
    public int MaxTrackedSources { get; init; } = 10_000;

    /// <summary>How long a TCP peer may leave a message half sent before its connection is closed.</summary>
    public TimeSpan IncompleteMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a TCP connection may take before the transaction sees a transport error.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each kind of defect from one source is logged (the rest are counted only).</summary>
    public TimeSpan DefectLogInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What sees each message on the wire (the daemon's trace and counters); null for nothing.</summary>
    public ISipWireTap? WireTap { get; init; }

    /// <summary>Checks the values; throws on the first that is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the configuration is unusable.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Timers);
        if (UdpEndPoint is null && TcpEndPoint is null)
        {
            throw new ArgumentException("The SIP stack needs a UDP or a TCP endpoint.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 1500, nameof(MaxMessageSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RateLimitPerSecond, 0, nameof(RateLimitPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitBurst, 1, nameof(RateLimitBurst));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrackedSources, 1, nameof(MaxTrackedSources));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IncompleteMessageTimeout, TimeSpan.Zero, nameof(IncompleteMessageTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefectLogInterval, TimeSpan.Zero, nameof(DefectLogInterval));
        if (SentByPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(SentByPort), SentByPort, "A port is 1-65535.");
        }

        if (SentByHost is not null && !HostSyntax.TryClassify(System.Text.Encoding.ASCII.GetBytes(SentByHost), out _))
        {
            throw new ArgumentException($"'{SentByHost}' is not a host name or IP address (IPv6 in brackets).", nameof(SentByHost));
        }
    }
}
