namespace Gateway.Isup;

/// <summary>
/// The group's circuits in the order they became idle, oldest first (by <see cref="Circuit.IdleSince"/>, then CIC):
/// least-recently-used selection walks it from the front instead of scanning every circuit for the oldest, which
/// with 4,095 circuits was a scan of them all for each call. Kept by the group under its lock.
/// </summary>
/// <remarks>
/// A circuit is linked when it becomes idle and unlinked lazily, when a walk finds it no longer idle; so the front of
/// the list holds idle circuits and those seized since the last walk, never the long-busy ones.
/// </remarks>
internal sealed class IdleOrder
{
    private Circuit? _first;
    private Circuit? _last;

    /// <summary>All circuits, in CIC order: at start none has been idle longer than another.</summary>
    public IdleOrder(IReadOnlyList<Circuit> circuits)
    {
        foreach (Circuit circuit in circuits)
        {
            Link(circuit, after: _last);
        }
    }

    public Circuit? First => _first;

    /// <summary>The circuit has just become idle: it moves to its place, after every circuit idle longer.</summary>
    public void BecameIdle(Circuit circuit)
    {
        if (circuit.InIdleOrder)
        {
            Unlink(circuit);
        }

        // Nearly always the end; a virtual clock can give equal times, and then the lower CIC comes first.
        Circuit? after = _last;
        while (after is not null && (after.IdleSince > circuit.IdleSince || (after.IdleSince == circuit.IdleSince && after.Cic > circuit.Cic)))
        {
            after = after.IdlePrevious;
        }

        Link(circuit, after);
    }

    public void Unlink(Circuit circuit)
    {
        if (circuit.IdlePrevious is null) _first = circuit.IdleNext; else circuit.IdlePrevious.IdleNext = circuit.IdleNext;
        if (circuit.IdleNext is null) _last = circuit.IdlePrevious; else circuit.IdleNext.IdlePrevious = circuit.IdlePrevious;
        circuit.IdlePrevious = null;
        circuit.IdleNext = null;
        circuit.InIdleOrder = false;
    }

    private void Link(Circuit circuit, Circuit? after)
    {
        Circuit? before = after is null ? _first : after.IdleNext;
        circuit.IdlePrevious = after;
        circuit.IdleNext = before;
        if (after is null) _first = circuit; else after.IdleNext = circuit;
        if (before is null) _last = circuit; else before.IdlePrevious = circuit;
        circuit.InIdleOrder = true;
    }
}
