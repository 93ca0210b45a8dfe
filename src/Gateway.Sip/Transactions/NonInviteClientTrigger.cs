namespace Gateway.Sip;

/// <summary>Events of the non-INVITE client transaction's state machine.</summary>
internal enum NonInviteClientTrigger
{
    Start,
    Provisional,
    Final,
    TimerE,
    TimerF,
    TimerK,
    TransportError,
    Abandon,
}
