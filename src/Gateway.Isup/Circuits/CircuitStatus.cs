namespace Gateway.Isup;

/// <summary>A snapshot of one circuit, for maintenance commands, tests and the daemon's status.</summary>
/// <param name="Cic">The circuit.</param>
/// <param name="State">Its call and reset state.</param>
/// <param name="Blocking">Its blocking states.</param>
/// <param name="FarEndUnequipped">The peer answered UCIC for it: it is not used until a reset succeeds.</param>
/// <param name="HasCall">A call is attached.</param>
/// <param name="MaintenanceProcedurePending">A BLO, UBL or RSC of ours waits for its acknowledgement.</param>
public readonly record struct CircuitStatus(
    int Cic,
    CircuitState State,
    CircuitBlocking Blocking,
    bool FarEndUnequipped,
    bool HasCall,
    bool MaintenanceProcedurePending)
{
    /// <summary>Whether an outgoing call could take this circuit now (the route and the peer's ISUP being available).</summary>
    public bool IsOfferable => State == CircuitState.Idle && Blocking == CircuitBlocking.None && !FarEndUnequipped;
}
