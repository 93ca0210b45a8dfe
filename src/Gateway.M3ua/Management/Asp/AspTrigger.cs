namespace Gateway.M3ua;

/// <summary>What moves our ASP (<see cref="AspMachine"/>): received acknowledgements, requests from above, timers.</summary>
internal enum AspTrigger
{
    /// <summary>The association is up and our side activates: send ASPUP.</summary>
    Start,

    /// <summary>ASPUP ACK received.</summary>
    UpAck,

    /// <summary>REG RSP received (its results already applied).</summary>
    Registered,

    /// <summary>ASPAC ACK received.</summary>
    ActiveAck,

    /// <summary>ASPIA ACK received.</summary>
    InactiveAck,

    /// <summary>ASPDN ACK received.</summary>
    DownAck,

    /// <summary>Activate: asked from above, or a standby taking over.</summary>
    Activate,

    /// <summary>Deactivate: asked from above.</summary>
    Deactivate,

    /// <summary>NTFY Alternate ASP Active took every AS from us.</summary>
    Displaced,

    /// <summary>Go down gracefully: send ASPDN.</summary>
    Stop,

    /// <summary>The association is down (or declared dead): ASP-DOWN at once, nothing sent.</summary>
    Lost,

    /// <summary>T(ack) expired.</summary>
    AckTimeout,
}
