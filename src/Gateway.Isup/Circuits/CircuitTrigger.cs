namespace Gateway.Isup;

/// <summary>What moves a circuit's machine: messages from the peer, call control's requests, the group's procedures, timers.</summary>
internal enum CircuitTrigger
{
    // Received from the peer. The call messages carry the signal (the codec's message goes to call control).
    IamReceived,
    SamReceived,
    InrReceived,
    InfReceived,
    AcmReceived,
    CpgReceived,
    AnmReceived,
    ConReceived,
    UsrReceived,
    FacReceived,
    SusReceived,
    ResReceived,
    RelReceived,
    RlcReceived,
    RscReceived,
    UcicReceived,

    // From call control.
    SendIam,
    SendSam,
    SendInr,
    SendInf,
    SendAcm,
    SendCpg,
    SendAnm,
    SendCon,
    SendUsr,
    SendFac,
    Release,

    // From the group's procedures.
    Reset,
    GroupResetSent,
    GroupResetAcknowledged,
    GroupResetReceived,
    BlockedDuringSetup,
    HardwareBlocked,
    UnrecognisedRelease,
    Unexpected,
    RouteUnavailable,

    // Timers.
    T1,
    T5,
    T7,
    T9,
    T11,
    T33,
    SuspendTimer,
}
