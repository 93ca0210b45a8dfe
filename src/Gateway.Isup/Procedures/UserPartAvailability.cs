namespace Gateway.Isup;

/// <summary>Whether the peer's ISUP can take calls, as MTP last reported it (Q.764 §2.13; digest §2.6).</summary>
internal enum UserPartAvailability
{
    /// <summary>Available: calls are offered.</summary>
    Available,

    /// <summary>MTP-STATUS "inaccessible remote user": no calls; UPT every T4 until the peer sends anything.</summary>
    Inaccessible,

    /// <summary>MTP-STATUS "unequipped remote user": no calls, alarm; no test (the peer has no ISUP).</summary>
    Unequipped,
}
