namespace Gateway.Isup;

/// <summary>The acknowledged maintenance procedures we start (Q.764 §2.8, §2.9.3), each with its repeat and alarm timers.</summary>
internal enum MaintenanceRequestKind
{
    /// <summary>BLO → BLA, T12/T13.</summary>
    Blocking,

    /// <summary>UBL → UBA, T14/T15.</summary>
    Unblocking,

    /// <summary>RSC → RLC, T16/T17.</summary>
    Reset,

    /// <summary>CGB → CGBA, T18/T19.</summary>
    GroupBlocking,

    /// <summary>CGU → CGUA, T20/T21.</summary>
    GroupUnblocking,

    /// <summary>GRS → GRA, T22/T23.</summary>
    GroupReset,
}
