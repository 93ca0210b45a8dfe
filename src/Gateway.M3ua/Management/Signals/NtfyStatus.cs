namespace Gateway.M3ua;

/// <summary>
/// The Status parameter of NTFY (RFC 4666 §3.8.2): Status Type in the high 16 bits, Status Information in the low 16,
/// so each value is the parameter's 32-bit wire value. Type 1 is an AS state change, type 2 "Other".
/// </summary>
public enum NtfyStatus : uint
{
    /// <summary>No Status parameter.</summary>
    None = 0,

    /// <summary>AS state change: the AS is AS-INACTIVE.</summary>
    AsInactive = 0x0001_0002,

    /// <summary>AS state change: the AS is AS-ACTIVE.</summary>
    AsActive = 0x0001_0003,

    /// <summary>AS state change: the AS is AS-PENDING (its last active ASP left; the SGP queues for T(r)).</summary>
    AsPending = 0x0001_0004,

    /// <summary>Other: insufficient ASP resources active in the AS (a loadshare AS wants more ASPs).</summary>
    InsufficientAspResources = 0x0002_0001,

    /// <summary>Other: an alternate ASP became active in an override AS; the ASP told is now inactive in it.</summary>
    AlternateAspActive = 0x0002_0002,

    /// <summary>Other: an ASP of the AS failed (the NTFY's ASP Identifier says which).</summary>
    AspFailure = 0x0002_0003,
}
