namespace Gateway.Isup;

/// <summary>
/// One call on one circuit, as call control holds it: the handle it passes to <see cref="IsupCallControl"/> and the
/// subject of its <see cref="IsupCallEvent"/>s. A circuit carries many calls over time; a handle stays tied to its own
/// call, so a late operation on an ended call does nothing instead of touching the circuit's next call.
/// </summary>
public sealed class IsupCall
{
    private int _cic;
    private bool _ended;

    internal IsupCall(CircuitGroup group, IsupCallDirection direction, object? initialAddress)
    {
        Group = group;
        Direction = direction;
        InitialAddress = initialAddress;
        _cic = -1;
    }

    /// <summary>The peer's point code.</summary>
    public int Dpc => Group.Dpc;

    /// <summary>The circuit (it changes when an outgoing call is re-attempted on another one).</summary>
    public int Cic => Volatile.Read(ref _cic);

    /// <summary>Who sent the IAM.</summary>
    public IsupCallDirection Direction { get; }

    /// <summary>True once the call has ended (released by either end or failed); operations on it then return false.</summary>
    public bool IsEnded => Volatile.Read(ref _ended);

    /// <summary>Call control's own object for this call (the interworking call), for it to find on each event.</summary>
    public object? UserState { get; set; }

    internal CircuitGroup Group { get; }

    /// <summary>The circuit while the call holds one; null once ended (and between a lost circuit and its repeat attempt).</summary>
    internal Circuit? Circuit { get; private set; }

    /// <summary>Outgoing: the IAM, kept for a repeat attempt until a backward message makes one impossible.</summary>
    internal object? InitialAddress { get; set; }

    /// <summary>Outgoing: a SAM was sent; a repeat attempt could not replay the overlap digits, so none is made.</summary>
    internal bool SubsequentAddressSent { get; set; }

    /// <summary>How many repeat attempts the call has made.</summary>
    internal int RepeatAttempts { get; set; }

    /// <summary>Whether a repeat attempt is still possible after losing the circuit (the caller checks that no backward message came).</summary>
    internal bool CanRepeat(int maxRepeatAttempts) =>
        Direction == IsupCallDirection.Outgoing && !SubsequentAddressSent && RepeatAttempts < maxRepeatAttempts;

    internal void Attach(Circuit circuit)
    {
        Circuit = circuit;
        Volatile.Write(ref _cic, circuit.Cic);
    }

    /// <summary>The call lost its circuit but lives on (a repeat attempt is coming).</summary>
    internal void Detach() => Circuit = null;

    internal void End()
    {
        Circuit = null;
        InitialAddress = null;
        Volatile.Write(ref _ended, true);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Direction} call dpc={Dpc} cic={Cic}{(IsEnded ? " (ended)" : string.Empty)}";
}
