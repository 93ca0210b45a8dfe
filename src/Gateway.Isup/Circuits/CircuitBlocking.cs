namespace Gateway.Isup;

/// <summary>
/// The blocking states of a circuit (Q.764 §2.8). They are independent of each other and of the call state: a
/// circuit blocked for maintenance while busy finishes its call and is then not offered for new ones.
/// </summary>
[Flags]
public enum CircuitBlocking
{
    /// <summary>Not blocked.</summary>
    None = 0,

    /// <summary>We blocked it for maintenance (BLO or maintenance CGB sent): no calls either way.</summary>
    LocalMaintenance = 1,

    /// <summary>We blocked it for a hardware failure (hardware CGB sent): no calls either way.</summary>
    LocalHardware = 2,

    /// <summary>The peer blocked it for maintenance (BLO, maintenance CGB, or a GRA status bit): we must not offer calls on it.</summary>
    RemoteMaintenance = 4,

    /// <summary>The peer blocked it for a hardware failure (hardware CGB): we must not offer calls on it.</summary>
    RemoteHardware = 8,

    /// <summary>Both local blockings.</summary>
    Local = LocalMaintenance | LocalHardware,

    /// <summary>Both remote blockings.</summary>
    Remote = RemoteMaintenance | RemoteHardware,
}
