namespace Gateway.Sip;

/// <summary>Events of the non-INVITE server transaction's state machine.</summary>
internal enum NonInviteServerTrigger
{
    Provisional,
    Final,
    Retransmission,
    TimerJ,
    TransportError,
    Abandon,
}
