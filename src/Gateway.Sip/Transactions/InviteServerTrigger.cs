namespace Gateway.Sip;

/// <summary>Events of the INVITE server transaction's state machine.</summary>
internal enum InviteServerTrigger
{
    Provisional,
    Success,
    Failure,
    Retransmission,
    Ack,
    TimerTrying,
    TimerG,
    TimerH,
    TimerI,
    TimerL,
    TransportError,
    Abandon,
}
