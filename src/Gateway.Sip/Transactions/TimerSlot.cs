namespace Gateway.Sip;

/// <summary>
/// One re-armable timer of a transaction. A transaction never runs two retransmission timers (A, E, G, Trying)
/// or two lifetime timers (B, D, F, H, I, J, K, L, M) at once, so two slots cover every state.
/// </summary>
internal struct TimerSlot
{
    /// <summary>Created on first use and re-armed with <see cref="ITimer.Change"/> from then on.</summary>
    public ITimer? Timer;

    /// <summary>The timer the slot is armed as; null when disarmed.</summary>
    public TransactionTimer? Armed;

    /// <summary>When it is due, in <see cref="TimeProvider.GetTimestamp"/> units: tells a stale callback from a due one.</summary>
    public long DueTimestamp;
}
