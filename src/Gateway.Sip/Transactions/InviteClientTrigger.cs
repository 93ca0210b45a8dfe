namespace Gateway.Sip;

/// <summary>Events of the INVITE client transaction's state machine.</summary>
internal enum InviteClientTrigger
{
    Start,
    Provisional,
    Success,
    Failure,
    TimerA,
    TimerB,
    TimerD,
    TimerM,
    TransportError,
    Abandon,
}
