namespace Gateway.M3ua;

/// <summary>Why a user part is unavailable (RFC 4666 §3.4.5, the Cause half of User/Cause). Other numbers read as their value.</summary>
public enum M3uaUnavailabilityCause : ushort
{
    /// <summary>Unknown.</summary>
    Unknown = 0,

    /// <summary>The remote user part is not equipped at the destination.</summary>
    UnequippedRemoteUser = 1,

    /// <summary>The remote user part is equipped but inaccessible: for ISUP, start the user part test (Q.764 §2.13).</summary>
    InaccessibleRemoteUser = 2,
}
