namespace Gateway.Isup;

/// <summary>The Q.764 timers the procedures run (Table A.1/Q.764); durations come from <see cref="IsupTimerSettings"/>.</summary>
public enum IsupTimer
{
    /// <summary>REL sent → RLC: repeat REL.</summary>
    T1,

    /// <summary>SUS (user) received → RES: release.</summary>
    T2,

    /// <summary>User part unavailable → a message from the peer: send UPT again.</summary>
    T4,

    /// <summary>First REL sent → RLC: reset the circuit and alert maintenance.</summary>
    T5,

    /// <summary>SUS (network) received → RES: release.</summary>
    T6,

    /// <summary>Latest address message sent → ACM or CON: release.</summary>
    T7,

    /// <summary>ACM received → ANM: release.</summary>
    T9,

    /// <summary>IAM received in interworking → ACM sent: tell call control to send ACM now.</summary>
    T11,

    /// <summary>BLO sent → BLA: repeat BLO.</summary>
    T12,

    /// <summary>First BLO sent → BLA: alert maintenance, repeat BLO every T13.</summary>
    T13,

    /// <summary>UBL sent → UBA: repeat UBL.</summary>
    T14,

    /// <summary>First UBL sent → UBA: alert maintenance, repeat UBL every T15.</summary>
    T15,

    /// <summary>RSC sent → RLC: repeat RSC.</summary>
    T16,

    /// <summary>First RSC sent → RLC: alert maintenance, repeat RSC every T17.</summary>
    T17,

    /// <summary>CGB sent → CGBA: repeat CGB.</summary>
    T18,

    /// <summary>First CGB sent → CGBA: alert maintenance, repeat CGB every T19.</summary>
    T19,

    /// <summary>CGU sent → CGUA: repeat CGU.</summary>
    T20,

    /// <summary>First CGU sent → CGUA: alert maintenance, repeat CGU every T21.</summary>
    T21,

    /// <summary>GRS sent → GRA: repeat GRS.</summary>
    T22,

    /// <summary>First GRS sent → GRA: alert maintenance, repeat GRS every T23.</summary>
    T23,

    /// <summary>INR sent → INF: release the call, alert maintenance.</summary>
    T33,
}
