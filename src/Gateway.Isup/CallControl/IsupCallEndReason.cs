namespace Gateway.Isup;

/// <summary>Why the procedures ended a call, or moved it to another circuit.</summary>
public enum IsupCallEndReason
{
    /// <summary>Not an end.</summary>
    None,

    /// <summary>T7: no ACM or CON after the IAM (REL cause 102 sent).</summary>
    AddressCompleteTimeout,

    /// <summary>T9: no ANM after the ACM (REL cause 19 sent).</summary>
    AnswerTimeout,

    /// <summary>T2 or T6: no RES after a SUS (REL cause 102 sent).</summary>
    SuspendTimeout,

    /// <summary>T33: no INF after our INR (REL cause 102 sent).</summary>
    InformationTimeout,

    /// <summary>Dual seizure lost: the peer controls the circuit.</summary>
    DualSeizure,

    /// <summary>The circuit was reset, by RSC or GRS, from either end.</summary>
    CircuitReset,

    /// <summary>The peer blocked the circuit before any backward message (maintenance blocking).</summary>
    CircuitBlocked,

    /// <summary>The circuit was blocked for a hardware failure: calls are released without REL/RLC.</summary>
    HardwareBlocked,

    /// <summary>The peer answered UCIC: it does not have this circuit.</summary>
    UnequippedCircuit,

    /// <summary>A message the call's state did not allow, before any backward message: the circuit was reset.</summary>
    UnexpectedMessage,

    /// <summary>RLC without our REL (Q.764 §2.9.5.1 c): REL sent.</summary>
    UnexpectedReleaseComplete,

    /// <summary>An unrecognised message or parameter whose compatibility information says "release the call" (cause 97 or 99).</summary>
    UnrecognisedInformation,

    /// <summary>The route to the peer was lost.</summary>
    RouteUnavailable,
}
