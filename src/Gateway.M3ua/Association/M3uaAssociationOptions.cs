namespace Gateway.M3ua;

/// <summary>How an <see cref="M3uaAssociation"/> runs: its management, and (client side) how it reconnects.</summary>
public sealed record M3uaAssociationOptions
{
    /// <summary>The management of the association (role, routing contexts, destinations, timers).</summary>
    public required M3uaManagementOptions Management { get; init; }

    /// <summary>
    /// The routing context DATA is sent with and checked against; null takes the management's only one when it has
    /// exactly one, else DATA carries none.
    /// </summary>
    public uint? RoutingContext { get; init; }

    /// <summary>The first reconnect delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect delay.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take: connect, then the ASP coming up (ASPUP acknowledged).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock of the management timers and of the reconnect delays and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>What sees each message on the wire (the daemon's trace and counters); null for nothing.</summary>
    public IM3uaWireTap? WireTap { get; init; }

    internal uint? EffectiveRoutingContext =>
        RoutingContext ?? (Management.RoutingContexts.Count == 1 ? Management.RoutingContexts[0] : null);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Management);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (ReconnectDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReconnectDelay), ReconnectDelay, "The reconnect delay must be positive.");
        if (MaxReconnectDelay < ReconnectDelay) throw new ArgumentOutOfRangeException(nameof(MaxReconnectDelay), MaxReconnectDelay, "The longest reconnect delay must not be shorter than the first.");
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "The attempt timeout must be positive.");
    }
}
