namespace Gateway.M3ua;

/// <summary>The Cause half of DUPU's User/Cause parameter (RFC 4666 §3.4.5); the values are the wire's.</summary>
public enum UnavailabilityCause : ushort
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>Unequipped Remote User: the destination has no such user part (ISUP: raise an alarm, stop calls).</summary>
    UnequippedRemoteUser = 1,

    /// <summary>Inaccessible Remote User: the user part is there but unreachable (ISUP: test it with UPT every T4).</summary>
    InaccessibleRemoteUser = 2,
}
