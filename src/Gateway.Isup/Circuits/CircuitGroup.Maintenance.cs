namespace Gateway.Isup;

/// <summary>The circuit group's reset and blocking procedures (Q.764 §2.8, §2.9.3), both ends.</summary>
internal sealed partial class CircuitGroup
{
    // ---- Maintenance commands.

    /// <summary>Blocks one circuit for maintenance (BLO, T12/T13). False when unknown or already blocked.</summary>
    public bool Block(int cic) => Locked(cic, static (group, circuit) =>
    {
        if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0)
        {
            return false;
        }

        circuit.Blocking |= CircuitBlocking.LocalMaintenance;
        circuit.CancelBlockingRequest(); // an unblocking still outstanding
        if (group.CanSignal(circuit))
        {
            group.StartBlocking(circuit);
        }

        return true;
    });

    /// <summary>Unblocks one circuit blocked for maintenance (UBL, T14/T15). False when unknown or not blocked by us.</summary>
    public bool Unblock(int cic) => Locked(cic, static (group, circuit) =>
    {
        if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) == 0)
        {
            return false;
        }

        circuit.Blocking &= ~CircuitBlocking.LocalMaintenance;
        circuit.CancelBlockingRequest(); // a blocking still outstanding
        if (group.CanSignal(circuit))
        {
            group.StartUnblocking(circuit);
        }

        return true;
    });

    /// <summary>Resets one circuit (RSC, T16/T17); a call on it fails. False when unknown, the route is down, or already resetting.</summary>
    public bool Reset(int cic) => Locked(cic, static (group, circuit) =>
        group._routeAvailable && circuit.State is not (CircuitState.ResetSent or CircuitState.GroupResetSent) && circuit.Fire(CircuitTrigger.Reset));

    /// <summary>Resets <paramref name="count"/> (2–32) equipped circuits from <paramref name="first"/> with one GRS (T22/T23).</summary>
    public bool ResetGroup(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCircuitsPerGroupMessage);
        bool started = false;
        EffectDelivery deliver;
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                if (Find(first + i) is null)
                {
                    throw new ArgumentException($"CIC {first + i} is not equipped: the peer would discard the whole GRS (Q.764 §2.9.3.3).", nameof(count));
                }
            }

            if (_routeAvailable)
            {
                StartGroupReset(first, count);
                started = true;
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return started;
    }

    /// <summary>
    /// Blocks the equipped circuits of a range (2–256 circuits, at most 32 of them not yet blocked) with one CGB
    /// (T18/T19). Hardware failure blocking also clears their calls at once, without REL. False when none needed it.
    /// </summary>
    public bool BlockGroup(int first, int count, CircuitGroupSupervisionType type) => GroupSupervision(first, count, type, block: true);

    /// <summary>Unblocks the circuits of a range that we blocked with that type, with one CGU (T20/T21).</summary>
    public bool UnblockGroup(int first, int count, CircuitGroupSupervisionType type) => GroupSupervision(first, count, type, block: false);

    private bool GroupSupervision(int first, int count, CircuitGroupSupervisionType type, bool block)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, CircuitStatusBits.Capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count - 1, CircuitCodeRange.MaxCic, nameof(count));
        CircuitBlocking flag = type == CircuitGroupSupervisionType.MaintenanceOriented ? CircuitBlocking.LocalMaintenance : CircuitBlocking.LocalHardware;
        bool changed;
        EffectDelivery deliver;
        lock (_gate)
        {
            var bits = CircuitStatusBits.None;
            for (int i = 0; i < count; i++)
            {
                if (Find(first + i) is Circuit circuit && ((circuit.Blocking & flag) != 0) != block)
                {
                    bits = bits.With(i);
                }
            }

            if (bits.Count > MaxCircuitsPerGroupMessage)
            {
                throw new ArgumentException($"{bits.Count} circuits to change: one CGB or CGU may act on at most {MaxCircuitsPerGroupMessage}.", nameof(count));
            }

            changed = !bits.IsEmpty;
            if (changed)
            {
                for (int i = 0; i < count; i++)
                {
                    if (!bits[i])
                    {
                        continue;
                    }

                    Circuit circuit = Find(first + i)!;
                    circuit.Blocking = block ? circuit.Blocking | flag : circuit.Blocking & ~flag;
                    if (type == CircuitGroupSupervisionType.MaintenanceOriented)
                    {
                        circuit.CancelBlockingRequest(); // the group message supersedes a BLO or UBL
                    }
                    else if (block)
                    {
                        circuit.Fire(CircuitTrigger.HardwareBlocked); // calls cleared without REL (Q.764 §2.8.2.1)
                    }
                }

                if (_routeAvailable)
                {
                    StartGroupRequest(block ? MaintenanceRequestKind.GroupBlocking : MaintenanceRequestKind.GroupUnblocking, type, first, count, bits);
                }
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return changed;
    }

    private bool Locked(int cic, Func<CircuitGroup, Circuit, bool> action)
    {
        bool result = false;
        EffectDelivery deliver;
        lock (_gate)
        {
            if (Find(cic) is Circuit circuit)
            {
                result = action(this, circuit);
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return result;
    }

    /// <summary>Our BLO/UBL can go now; while the circuit resets (or the route is down) the reset's end sends what is needed.</summary>
    private bool CanSignal(Circuit circuit) =>
        _routeAvailable && circuit.State is not (CircuitState.Unavailable or CircuitState.ResetSent or CircuitState.GroupResetSent);

    private void StartBlocking(Circuit circuit)
    {
        circuit.BlockingRequest = new MaintenanceRequest(this, MaintenanceRequestKind.Blocking, IsupSignal.Of(IsupMessageType.BLO, circuit.Cic), circuit);
        circuit.BlockingRequest.Start();
        Report(IsupMaintenanceEventKind.BlockingSent, circuit.Cic, state: circuit.State, messageType: IsupMessageType.BLO);
    }

    private void StartUnblocking(Circuit circuit)
    {
        circuit.BlockingRequest = new MaintenanceRequest(this, MaintenanceRequestKind.Unblocking, IsupSignal.Of(IsupMessageType.UBL, circuit.Cic), circuit);
        circuit.BlockingRequest.Start();
        Report(IsupMaintenanceEventKind.UnblockingSent, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UBL);
    }

    /// <summary>
    /// Sends CGB or CGU for the circuits whose bits are set. A range must cover at least two circuits (Q.763: range 0
    /// is reserved), so a single circuit is sent as a range of two with one bit set.
    /// </summary>
    private void StartGroupRequest(MaintenanceRequestKind kind, CircuitGroupSupervisionType type, int first, int count, CircuitStatusBits bits)
    {
        int start = first;
        var status = bits;
        if (count == 1)
        {
            count = 2;
            if (first == CircuitCodeRange.MaxCic)
            {
                start = first - 1;
                status = CircuitStatusBits.None.With(1);
            }
        }

        byte range = (byte)(count - 1);
        for (int i = _requests.Count - 1; i >= 0; i--)
        {
            // The newer CGB or CGU for the same circuits and type supersedes an outstanding one.
            MaintenanceRequest outstanding = _requests[i];
            if (outstanding.Kind is MaintenanceRequestKind.GroupBlocking or MaintenanceRequestKind.GroupUnblocking
                && outstanding.Signal.Cic == start && outstanding.Signal.Range == range && outstanding.Signal.SupervisionType == type)
            {
                outstanding.Cancel();
            }
        }

        IsupMessageType message = kind == MaintenanceRequestKind.GroupBlocking ? IsupMessageType.CGB : IsupMessageType.CGU;
        var request = new MaintenanceRequest(this, kind, IsupSignal.GroupSupervision(message, start, type, range, status), circuit: null);
        _requests.Add(request);
        request.Start();
        Report(kind == MaintenanceRequestKind.GroupBlocking ? IsupMaintenanceEventKind.BlockingSent : IsupMaintenanceEventKind.UnblockingSent,
            start, count: count, messageType: message);
    }

    // ---- Reset, our side.

    /// <summary>
    /// The state of every circuit is unknown (start, or the route is back): one GRS per run of consecutive equipped
    /// CICs, at most 32 each, and RSC for a run of one and for each circuit the peer said it lacks (a GRS including it
    /// would be discarded whole). No circuit is offered until its GRA or RLC arrives.
    /// </summary>
    private void ResetAllCircuits()
    {
        int i = 0;
        while (i < _circuits.Length)
        {
            Circuit circuit = _circuits[i];
            if (IsAnswered(circuit))
            {
                // A call held through a route outage: its circuit is in a known state, so the resets go around it.
                i++;
                continue;
            }

            int end = i + 1;
            if (!circuit.FarEndUnequipped)
            {
                while (end < _circuits.Length
                    && end - i < MaxCircuitsPerGroupMessage
                    && _circuits[end].Cic == _circuits[end - 1].Cic + 1
                    && !_circuits[end].FarEndUnequipped
                    && !IsAnswered(_circuits[end]))
                {
                    end++;
                }
            }

            if (end - i == 1)
            {
                circuit.Fire(CircuitTrigger.Reset);
            }
            else
            {
                StartGroupReset(circuit.Cic, end - i);
            }

            i = end;
        }
    }

    private void StartGroupReset(int first, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Find(first + i)!.Fire(CircuitTrigger.GroupResetSent);
        }

        byte range = (byte)(count - 1);
        for (int i = _requests.Count - 1; i >= 0; i--)
        {
            if (_requests[i].Kind == MaintenanceRequestKind.GroupReset && _requests[i].Signal.Cic == first && _requests[i].Signal.Range == range)
            {
                _requests[i].Cancel();
            }
        }

        var request = new MaintenanceRequest(this, MaintenanceRequestKind.GroupReset, IsupSignal.GroupReset(first, range), circuit: null);
        _requests.Add(request);
        request.Start();
        Report(IsupMaintenanceEventKind.GroupResetSent, first, count: count, messageType: IsupMessageType.GRS);
    }

    /// <summary>
    /// After a reset of ours completes or one of the peer's is answered: the peer has forgotten our blocking, so send
    /// it again — BLO for one circuit, maintenance CGB for several, hardware CGB for hardware blocking (Q.764 §2.9.3).
    /// Circuits whose BLO is still being repeated are left to it.
    /// </summary>
    public void Reblock(int first, int count)
    {
        var maintenance = CircuitStatusBits.None;
        var hardware = CircuitStatusBits.None;
        Circuit? single = null;
        for (int i = 0; i < count; i++)
        {
            if (Find(first + i) is not Circuit circuit)
            {
                continue;
            }

            if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0 && circuit.BlockingRequest is null)
            {
                maintenance = maintenance.With(i);
                single = circuit;
            }

            if ((circuit.Blocking & CircuitBlocking.LocalHardware) != 0)
            {
                hardware = hardware.With(i);
            }
        }

        if (maintenance.Count == 1)
        {
            StartBlocking(single!);
        }
        else if (maintenance.Count > 1)
        {
            StartGroupRequest(MaintenanceRequestKind.GroupBlocking, CircuitGroupSupervisionType.MaintenanceOriented, first, count, maintenance);
        }

        if (!hardware.IsEmpty)
        {
            StartGroupRequest(MaintenanceRequestKind.GroupBlocking, CircuitGroupSupervisionType.HardwareFailureOriented, first, count, hardware);
        }
    }

    private MaintenanceRequest? FindRequest(MaintenanceRequestKind kind, in IsupSignal acknowledgement)
    {
        foreach (MaintenanceRequest request in _requests)
        {
            if (request.Matches(kind, in acknowledgement))
            {
                return request;
            }
        }

        return null;
    }

    private void ReceiveGroupResetAcknowledgement(in IsupSignal gra)
    {
        if (FindRequest(MaintenanceRequestKind.GroupReset, in gra) is not MaintenanceRequest request)
        {
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, gra.Cic, count: gra.CircuitCount, messageType: gra.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        request.Acknowledge();
        int count = request.Signal.CircuitCount;
        CircuitStatusBits blockedThere = gra.Status.Truncate(count);
        for (int i = 0; i < count; i++)
        {
            if (Find(gra.Cic + i) is not Circuit circuit)
            {
                continue;
            }

            if (blockedThere[i])
            {
                circuit.Blocking |= CircuitBlocking.RemoteMaintenance; // the GRA's status: locally blocked at the peer
            }

            if (circuit.State == CircuitState.GroupResetSent)
            {
                circuit.Fire(CircuitTrigger.GroupResetAcknowledged);
            }
        }

        Report(IsupMaintenanceEventKind.ResetCompleted, gra.Cic, count: count, messageType: gra.Type);
        if (!blockedThere.IsEmpty)
        {
            Report(IsupMaintenanceEventKind.RemotelyBlocked, gra.Cic, count: count, messageType: gra.Type);
        }

        Reblock(gra.Cic, count);
    }

    // ---- Reset and blocking, the peer's side.

    /// <summary>
    /// GRS (Q.764 §2.9.3.3): discarded whole when its range holds a CIC we lack; otherwise every call in the range is
    /// cleared (an outgoing one still in set-up is re-attempted), the peer's blocking is forgotten, hardware blocking is
    /// re-sent with CGB before the GRA, and the GRA's status marks the circuits we hold blocked for maintenance.
    /// </summary>
    private void ReceiveGroupReset(in IsupSignal grs)
    {
        int count = grs.Range == 0 ? 1 : grs.CircuitCount; // range 0 is reserved; some peers mean one circuit (digest P12)
        if (grs.Range >= MaxCircuitsPerGroupMessage)
        {
            Report(IsupMaintenanceEventKind.GroupMessageDiscarded, grs.Cic, count: count, messageType: grs.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            if (Find(grs.Cic + i) is null)
            {
                Report(IsupMaintenanceEventKind.GroupMessageDiscarded, grs.Cic, count: count, messageType: grs.Type, action: IsupMaintenanceAction.Discard);
                return;
            }
        }

        Report(IsupMaintenanceEventKind.GroupResetReceived, grs.Cic, count: count, messageType: grs.Type);
        var maintenance = CircuitStatusBits.None;
        var hardware = CircuitStatusBits.None;
        for (int i = 0; i < count; i++)
        {
            Circuit circuit = Find(grs.Cic + i)!;
            circuit.Blocking &= ~CircuitBlocking.Remote;
            circuit.FarEndUnequipped = false;
            circuit.Fire(CircuitTrigger.GroupResetReceived);
            if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0)
            {
                maintenance = maintenance.With(i);
            }

            if ((circuit.Blocking & CircuitBlocking.LocalHardware) != 0)
            {
                hardware = hardware.With(i);
            }
        }

        if (!hardware.IsEmpty)
        {
            StartGroupRequest(MaintenanceRequestKind.GroupBlocking, CircuitGroupSupervisionType.HardwareFailureOriented, grs.Cic, count, hardware);
        }

        EmitSignal(IsupSignal.GroupResetAcknowledgement(grs.Cic, grs.Range, maintenance));
    }

    /// <summary>
    /// CGB or CGU (Q.764 §2.8.2): acted on for every equipped circuit whose status bit is set, acknowledged with the
    /// bits acted on. Maintenance blocking lets calls finish (a call of ours with no backward message yet moves);
    /// hardware blocking clears them without REL. A message with no bit set, or more than 32, is discarded.
    /// </summary>
    private void ReceiveGroupSupervision(in IsupSignal message)
    {
        bool block = message.Type == IsupMessageType.CGB;
        bool maintenance = message.SupervisionType == CircuitGroupSupervisionType.MaintenanceOriented;
        CircuitBlocking flag = maintenance ? CircuitBlocking.RemoteMaintenance : CircuitBlocking.RemoteHardware;
        int count = message.Range == 0 ? 1 : message.CircuitCount;
        CircuitStatusBits requested = message.Status.Truncate(count);
        if (requested.IsEmpty || requested.Count > MaxCircuitsPerGroupMessage)
        {
            Report(IsupMaintenanceEventKind.GroupMessageDiscarded, message.Cic, count: count, messageType: message.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        var acted = CircuitStatusBits.None;
        for (int i = 0; i < count; i++)
        {
            if (requested[i] && Find(message.Cic + i) is Circuit circuit)
            {
                acted = acted.With(i);
                circuit.Blocking = block ? circuit.Blocking | flag : circuit.Blocking & ~flag;
            }
        }

        EmitSignal(IsupSignal.GroupSupervision(block ? IsupMessageType.CGBA : IsupMessageType.CGUA, message.Cic, message.SupervisionType, message.Range, acted));
        Report(block ? IsupMaintenanceEventKind.RemotelyBlocked : IsupMaintenanceEventKind.RemotelyUnblocked, message.Cic, count: count, messageType: message.Type);
        if (!block)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            if (acted[i])
            {
                Find(message.Cic + i)!.Fire(maintenance ? CircuitTrigger.BlockedDuringSetup : CircuitTrigger.HardwareBlocked);
            }
        }
    }

    private void ReceiveGroupSupervisionAcknowledgement(in IsupSignal acknowledgement)
    {
        bool blocking = acknowledgement.Type == IsupMessageType.CGBA;
        MaintenanceRequestKind kind = blocking ? MaintenanceRequestKind.GroupBlocking : MaintenanceRequestKind.GroupUnblocking;
        if (FindRequest(kind, in acknowledgement) is not MaintenanceRequest request)
        {
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, acknowledgement.Cic, count: acknowledgement.CircuitCount,
                messageType: acknowledgement.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        bool differs = acknowledgement.Status.Truncate(request.Signal.CircuitCount) != request.Signal.Status;
        request.Acknowledge();
        Report(blocking ? IsupMaintenanceEventKind.BlockingAcknowledged : IsupMaintenanceEventKind.UnblockingAcknowledged,
            acknowledgement.Cic, count: acknowledgement.CircuitCount, messageType: acknowledgement.Type);
        if (differs)
        {
            // The peer acted on other circuits than we asked: tell maintenance, keep our own view.
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, acknowledgement.Cic, count: acknowledgement.CircuitCount, messageType: acknowledgement.Type);
        }
    }

    /// <summary>CQM (Q.764 §2.8.3): answer CQR with the state of each circuit of the range (at most 32).</summary>
    private void ReceiveGroupQuery(in IsupSignal query)
    {
        int count = query.Range == 0 ? 1 : query.CircuitCount;
        if (query.Range >= MaxCircuitsPerGroupMessage)
        {
            Report(IsupMaintenanceEventKind.GroupMessageDiscarded, query.Cic, count: count, messageType: query.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        var states = new byte[count];
        for (int i = 0; i < count; i++)
        {
            states[i] = CircuitStateIndicator(Find(query.Cic + i));
        }

        EmitSignal(IsupSignal.GroupQueryResponse(query.Cic, query.Range, states));
    }

    /// <summary>
    /// The circuit state indicator of CQR (Q.763 §3.14): bits DC the call processing state (0 transient, 1 incoming
    /// busy, 2 outgoing busy, 3 idle), bits BA the maintenance blocking state and bits FE the hardware blocking state
    /// (1 locally, 2 remotely, 3 both); DC = 0 with BA = 3 means unequipped.
    /// </summary>
    private static byte CircuitStateIndicator(Circuit? circuit)
    {
        if (circuit is null)
        {
            return 0b0000_0011;
        }

        int callState = circuit.State switch
        {
            CircuitState.Idle => 3,
            CircuitState.OutgoingAwaitingAcm or CircuitState.OutgoingAwaitingAnswer or CircuitState.OutgoingAnswered => 2,
            CircuitState.IncomingSetup or CircuitState.IncomingAlerting or CircuitState.IncomingAnswered => 1,
            _ => 0,
        };
        if (callState == 0)
        {
            return 0; // transient
        }

        int maintenance = ((circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0 ? 1 : 0) | ((circuit.Blocking & CircuitBlocking.RemoteMaintenance) != 0 ? 2 : 0);
        int hardware = ((circuit.Blocking & CircuitBlocking.LocalHardware) != 0 ? 1 : 0) | ((circuit.Blocking & CircuitBlocking.RemoteHardware) != 0 ? 2 : 0);
        return (byte)((hardware << 4) | (callState << 2) | maintenance);
    }
}
