namespace Gateway.M3ua;

/// <summary>What moves the peer's ASP as we acknowledge it (<see cref="PeerAspMachine"/>).</summary>
internal enum PeerAspTrigger
{
    /// <summary>ASPUP received.</summary>
    Up,

    /// <summary>A valid ASPAC received (its ASs already marked active).</summary>
    Active,

    /// <summary>ASPIA received that leaves no AS active.</summary>
    Inactive,

    /// <summary>ASPIA received for some ASs while others stay active.</summary>
    InactiveSome,

    /// <summary>ASPDN received.</summary>
    Down,

    /// <summary>The association is down.</summary>
    Lost,
}
