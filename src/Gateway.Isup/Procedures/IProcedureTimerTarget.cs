namespace Gateway.Isup;

/// <summary>What a <see cref="ProcedureTimer"/> tells when it expires: a circuit, a maintenance request, or the group itself.</summary>
internal interface IProcedureTimerTarget
{
    /// <summary>Called under the group's lock when <paramref name="timer"/> has expired.</summary>
    void OnTimer(IsupTimer timer);
}
