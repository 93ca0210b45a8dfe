namespace Gateway.Isup;

/// <summary>The original redirection reason and redirecting reason of the redirection information (Q.763 §3.45 b, d), 4 bits.</summary>
public enum RedirectingReason : byte
{
    /// <summary>Unknown/not available.</summary>
    Unknown = 0,

    /// <summary>User busy.</summary>
    UserBusy = 1,

    /// <summary>No reply.</summary>
    NoReply = 2,

    /// <summary>Unconditional.</summary>
    Unconditional = 3,

    /// <summary>Deflection during alerting.</summary>
    DeflectionDuringAlerting = 4,

    /// <summary>Deflection immediate response.</summary>
    DeflectionImmediateResponse = 5,

    /// <summary>Mobile subscriber not reachable.</summary>
    MobileSubscriberNotReachable = 6,
}
