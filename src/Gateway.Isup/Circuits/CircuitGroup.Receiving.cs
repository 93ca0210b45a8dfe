namespace Gateway.Isup;

/// <summary>The circuit group's handling of received messages (Q.764 §2.1–§2.13).</summary>
internal sealed partial class CircuitGroup
{
    private void ReceiveLocked(in IsupSignal signal)
    {
        if (!_routeAvailable)
        {
            // The daemon reports the route before it delivers messages; one that races the report is dropped.
            Report(IsupMaintenanceEventKind.UnexpectedMessage, signal.Cic, state: CircuitState.Unavailable, messageType: signal.Type, action: IsupMaintenanceAction.Discard);
            return;
        }

        if (_userPart != UserPartAvailability.Available)
        {
            // Any message from the peer shows its ISUP is back (digest §2.6).
            _userPart = UserPartAvailability.Available;
            _userPartTimer?.Stop();
            Report(IsupMaintenanceEventKind.UserPartAvailable, messageType: signal.Type);
        }

        switch (signal.Type)
        {
            case IsupMessageType.GRS:
                ReceiveGroupReset(in signal);
                return;
            case IsupMessageType.GRA:
                ReceiveGroupResetAcknowledgement(in signal);
                return;
            case IsupMessageType.CGB or IsupMessageType.CGU:
                ReceiveGroupSupervision(in signal);
                return;
            case IsupMessageType.CGBA or IsupMessageType.CGUA:
                ReceiveGroupSupervisionAcknowledgement(in signal);
                return;
            case IsupMessageType.CQM:
                ReceiveGroupQuery(in signal);
                return;
            case IsupMessageType.CQR:
                Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, signal.Cic, messageType: signal.Type, action: IsupMaintenanceAction.Discard);
                return;
            case IsupMessageType.UPT:
                EmitSignal(IsupSignal.Of(IsupMessageType.UPA, signal.Cic));
                return;
            case IsupMessageType.UPA:
                return;
            case IsupMessageType.CFN:
                // Never answered: a CFN for a CFN would loop.
                Report(IsupMaintenanceEventKind.ConfusionReceived, signal.Cic, state: Find(signal.Cic)?.State, messageType: signal.Type, cause: signal.Cause);
                return;
        }

        if (!IsRecognised(signal.Type))
        {
            ReceiveUnrecognised(in signal);
            return;
        }

        if (Find(signal.Cic) is not Circuit circuit)
        {
            ReceiveForUnequippedCic(in signal);
            return;
        }

        if (signal.ParameterCompatibility != ParameterCompatibilityAction.None && !ApplyParameterCompatibility(circuit, in signal))
        {
            return;
        }

        switch (signal.Type)
        {
            case IsupMessageType.IAM:
                ReceiveInitialAddress(circuit, in signal);
                break;
            case IsupMessageType.BLO:
                ReceiveBlocking(circuit);
                break;
            case IsupMessageType.UBL:
                ReceiveUnblocking(circuit);
                break;
            case IsupMessageType.BLA:
                ReceiveBlockingAcknowledgement(circuit);
                break;
            case IsupMessageType.UBA:
                ReceiveUnblockingAcknowledgement(circuit);
                break;
            case IsupMessageType.UCIC:
                ReceiveUnequippedAtFarEnd(circuit);
                break;
            case IsupMessageType.RSC:
                Report(IsupMaintenanceEventKind.ResetReceived, circuit.Cic, state: circuit.State, messageType: signal.Type);
                FireReceived(circuit, CircuitTrigger.RscReceived, in signal);
                break;
            case IsupMessageType.RLC:
                FireReceived(circuit, CircuitTrigger.RlcReceived, in signal);
                break;
            default:
                FireReceived(circuit, TriggerOf(signal.Type), in signal);
                break;
        }
    }

    /// <summary>The message types the procedures and call control implement; anything else is unrecognised (Q.764 §2.9.5.3).</summary>
    private static bool IsRecognised(IsupMessageType type) => type is IsupMessageType.IAM or IsupMessageType.SAM
        or IsupMessageType.INR or IsupMessageType.INF or IsupMessageType.ACM or IsupMessageType.CON or IsupMessageType.ANM
        or IsupMessageType.CPG or IsupMessageType.USR or IsupMessageType.FAC or IsupMessageType.SUS or IsupMessageType.RES
        or IsupMessageType.REL or IsupMessageType.RLC or IsupMessageType.RSC or IsupMessageType.BLO or IsupMessageType.UBL
        or IsupMessageType.BLA or IsupMessageType.UBA or IsupMessageType.UCIC;

    private static CircuitTrigger TriggerOf(IsupMessageType type) => type switch
    {
        IsupMessageType.SAM => CircuitTrigger.SamReceived,
        IsupMessageType.INR => CircuitTrigger.InrReceived,
        IsupMessageType.INF => CircuitTrigger.InfReceived,
        IsupMessageType.ACM => CircuitTrigger.AcmReceived,
        IsupMessageType.CON => CircuitTrigger.ConReceived,
        IsupMessageType.ANM => CircuitTrigger.AnmReceived,
        IsupMessageType.CPG => CircuitTrigger.CpgReceived,
        IsupMessageType.USR => CircuitTrigger.UsrReceived,
        IsupMessageType.FAC => CircuitTrigger.FacReceived,
        IsupMessageType.SUS => CircuitTrigger.SusReceived,
        IsupMessageType.RES => CircuitTrigger.ResReceived,
        IsupMessageType.REL => CircuitTrigger.RelReceived,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a call message."),
    };

    private void FireReceived(Circuit circuit, CircuitTrigger trigger, in IsupSignal signal)
    {
        bool handled = trigger is CircuitTrigger.RlcReceived or CircuitTrigger.RscReceived or CircuitTrigger.UcicReceived
            ? circuit.Fire(trigger)
            : circuit.Fire(trigger, in signal);
        if (!handled)
        {
            ReceiveUnexpected(circuit, signal.Type);
        }
    }

    /// <summary>
    /// A recognised message the circuit's state does not expect (Q.764 §2.9.5.1 e): on an idle circuit, reset it; on
    /// a call before any backward message, reset it (the call is re-attempted, or fails); otherwise drop the message.
    /// The machine's <see cref="CircuitTrigger.Unexpected"/> behaviours say which, state by state.
    /// </summary>
    private void ReceiveUnexpected(Circuit circuit, IsupMessageType type)
    {
        CircuitState before = circuit.State;
        circuit.Fire(CircuitTrigger.Unexpected);
        bool reset = circuit.State == CircuitState.ResetSent && before != CircuitState.ResetSent;
        Report(IsupMaintenanceEventKind.UnexpectedMessage, circuit.Cic, state: before, messageType: type,
            action: reset ? IsupMaintenanceAction.Reset : IsupMaintenanceAction.Discard);
    }

    private void ReceiveInitialAddress(Circuit circuit, in IsupSignal iam)
    {
        if (circuit.State == CircuitState.Idle)
        {
            if ((circuit.Blocking & CircuitBlocking.Local) != 0)
            {
                // We blocked it: the peer must not seize it. Drop the IAM (its T7 clears the call there) and tell it
                // again that the circuit is blocked, unless our BLO is still being repeated anyway.
                bool reblock = (circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0 && circuit.BlockingRequest is null;
                Report(IsupMaintenanceEventKind.IamDiscarded, circuit.Cic, state: circuit.State, messageType: iam.Type,
                    action: reblock ? IsupMaintenanceAction.Block : IsupMaintenanceAction.Discard);
                if (reblock)
                {
                    StartBlocking(circuit);
                }

                return;
            }

            if ((circuit.Blocking & CircuitBlocking.Remote) != 0)
            {
                // Q.764 §2.8.2.3: an IAM on a circuit the peer blocked unblocks it.
                circuit.Blocking &= ~CircuitBlocking.Remote;
                Report(IsupMaintenanceEventKind.RemotelyUnblocked, circuit.Cic, state: circuit.State, messageType: iam.Type);
            }

            circuit.FarEndUnequipped = false; // the peer evidently has it
        }
        else if (circuit.State == CircuitState.OutgoingAwaitingAcm && !circuit.BackwardMessageSeen)
        {
            Report(IsupMaintenanceEventKind.Glare, circuit.Cic, state: circuit.State, messageType: iam.Type,
                action: circuit.ControlsCircuit ? IsupMaintenanceAction.Continue : IsupMaintenanceAction.BackOff);
        }

        FireReceived(circuit, CircuitTrigger.IamReceived, in iam);
    }

    private void ReceiveBlocking(Circuit circuit)
    {
        bool wasBlocked = (circuit.Blocking & CircuitBlocking.RemoteMaintenance) != 0;
        circuit.Blocking |= CircuitBlocking.RemoteMaintenance;
        EmitSignal(IsupSignal.Of(IsupMessageType.BLA, circuit.Cic)); // always, even when already blocked (§2.8.2.3 i)
        if (!wasBlocked)
        {
            Report(IsupMaintenanceEventKind.RemotelyBlocked, circuit.Cic, state: circuit.State, messageType: IsupMessageType.BLO);
        }

        // A call of ours with no backward message yet moves to another circuit and is released here (§2.8.2.1);
        // any other call finishes normally.
        circuit.Fire(CircuitTrigger.BlockedDuringSetup);
    }

    private void ReceiveUnblocking(Circuit circuit)
    {
        bool wasBlocked = (circuit.Blocking & CircuitBlocking.RemoteMaintenance) != 0;
        circuit.Blocking &= ~CircuitBlocking.RemoteMaintenance;
        EmitSignal(IsupSignal.Of(IsupMessageType.UBA, circuit.Cic)); // always (§2.8.2.3 ii)
        if (wasBlocked)
        {
            Report(IsupMaintenanceEventKind.RemotelyUnblocked, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UBL);
        }
    }

    private void ReceiveBlockingAcknowledgement(Circuit circuit)
    {
        if (circuit.BlockingRequest is { Kind: MaintenanceRequestKind.Blocking } request)
        {
            request.Acknowledge();
            Report(IsupMaintenanceEventKind.BlockingAcknowledged, circuit.Cic, state: circuit.State, messageType: IsupMessageType.BLA);
        }
        else if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) == 0 && circuit.BlockingRequest is null)
        {
            // §2.8.2.3: a BLA for a circuit we have not blocked — the peer thinks we did; unblock it.
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, circuit.Cic, state: circuit.State, messageType: IsupMessageType.BLA, action: IsupMaintenanceAction.Unblock);
            StartUnblocking(circuit);
        }
        else
        {
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, circuit.Cic, state: circuit.State, messageType: IsupMessageType.BLA, action: IsupMaintenanceAction.Discard);
        }
    }

    private void ReceiveUnblockingAcknowledgement(Circuit circuit)
    {
        if (circuit.BlockingRequest is { Kind: MaintenanceRequestKind.Unblocking } request)
        {
            request.Acknowledge();
            Report(IsupMaintenanceEventKind.UnblockingAcknowledged, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UBA);
        }
        else if ((circuit.Blocking & CircuitBlocking.LocalMaintenance) != 0 && circuit.BlockingRequest is null)
        {
            // §2.8.2.3: a UBA for a circuit we hold blocked — the peer thinks it is unblocked; block it again.
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UBA, action: IsupMaintenanceAction.Block);
            StartBlocking(circuit);
        }
        else
        {
            Report(IsupMaintenanceEventKind.UnexpectedAcknowledgement, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UBA, action: IsupMaintenanceAction.Discard);
        }
    }

    /// <summary>UCIC (Q.764 §2.12): the peer has no such circuit. Stop using it, alert maintenance, move a call in set-up elsewhere.</summary>
    private void ReceiveUnequippedAtFarEnd(Circuit circuit)
    {
        circuit.FarEndUnequipped = true;
        Report(IsupMaintenanceEventKind.FarEndUnequipped, circuit.Cic, state: circuit.State, messageType: IsupMessageType.UCIC);
        circuit.CancelBlockingRequest();
        circuit.Fire(CircuitTrigger.UcicReceived);
    }

    /// <summary>A circuit message for a CIC we do not have (Q.764 §2.12): UCIC or nothing, as configured; never UCIC for UCIC.</summary>
    private void ReceiveForUnequippedCic(in IsupSignal signal)
    {
        bool answer = _unequippedCic == UnequippedCicPolicy.SendUcic && signal.Type != IsupMessageType.UCIC;
        Report(IsupMaintenanceEventKind.UnequippedCic, signal.Cic, messageType: signal.Type,
            action: answer ? IsupMaintenanceAction.Unequipped : IsupMaintenanceAction.Discard);
        if (answer)
        {
            EmitSignal(IsupSignal.Of(IsupMessageType.UCIC, signal.Cic));
        }
    }

    /// <summary>
    /// An unrecognised message (Q.764 §2.9.5.3.1), handled as an end node: without message compatibility information,
    /// discard it and send CFN (cause 97); with it, release the call, or discard it and notify as its instruction
    /// indicators say ("pass on" is not possible here, so bit E decides between release and discard).
    /// </summary>
    private void ReceiveUnrecognised(in IsupSignal signal)
    {
        Circuit? circuit = Find(signal.Cic);
        MessageCompatibility compatibility = signal.Compatibility;
        bool release;
        bool notify;
        if (!compatibility.IsPresent)
        {
            release = false;
            notify = true;
        }
        else if (compatibility.ReleaseCall)
        {
            release = true;
            notify = compatibility.SendNotification;
        }
        else if (compatibility.DiscardMessage)
        {
            release = false;
            notify = compatibility.SendNotification;
        }
        else
        {
            release = !compatibility.DiscardWhenPassOnNotPossible;
            notify = compatibility.SendNotification;
        }

        var cause = new IsupCause(IsupCauses.MessageTypeNotImplemented, _causeLocation, (byte)signal.Type);
        CircuitState? state = circuit?.State;
        IsupMaintenanceAction action = IsupMaintenanceAction.Discard;
        // An unrecognised message on an idle circuit has no call to release: it is only reported (or notified).
        if (release && circuit is not null && circuit.State != CircuitState.Idle && circuit.FireUnrecognisedRelease(in cause))
        {
            action = IsupMaintenanceAction.Release;
        }
        else if (notify)
        {
            EmitSignal(IsupSignal.Confusion(signal.Cic, cause));
            action = IsupMaintenanceAction.Confusion;
        }

        Report(IsupMaintenanceEventKind.UnrecognisedMessage, signal.Cic, state: state, messageType: signal.Type, cause: cause, action: action);
    }

    /// <summary>
    /// Unrecognised parameters in a recognised call message (Q.764 §2.9.5.3.2), as the codec summarised their
    /// instructions: release (REL cause 99), drop the message (and notify: CFN cause 110), or process it and notify (CFN
    /// cause 99). REL and RLC are always processed: a release must complete whatever it carries.
    /// </summary>
    /// <returns>True when the message is to be processed.</returns>
    private bool ApplyParameterCompatibility(Circuit circuit, in IsupSignal signal)
    {
        if (signal.Type is not (IsupMessageType.IAM or IsupMessageType.SAM or IsupMessageType.INR or IsupMessageType.INF
            or IsupMessageType.ACM or IsupMessageType.CON or IsupMessageType.ANM or IsupMessageType.CPG or IsupMessageType.USR
            or IsupMessageType.FAC or IsupMessageType.SUS or IsupMessageType.RES))
        {
            return true;
        }

        CircuitState state = circuit.State;
        switch (signal.ParameterCompatibility)
        {
            case ParameterCompatibilityAction.ReleaseCall when signal.Type == IsupMessageType.IAM && (circuit.Blocking & CircuitBlocking.Local) != 0:
                // The peer must not seize a circuit we blocked: the IAM is dropped and our blocking repeated as for any IAM.
                return true;
            case ParameterCompatibilityAction.ReleaseCall:
            {
                var cause = new IsupCause(IsupCauses.ParameterNotImplemented, _causeLocation, signal.UnrecognisedParameter);
                bool released = circuit.FireUnrecognisedRelease(in cause);
                Report(IsupMaintenanceEventKind.UnrecognisedParameter, circuit.Cic, state: state, messageType: signal.Type, cause: cause,
                    action: released ? IsupMaintenanceAction.Release : IsupMaintenanceAction.Discard);
                return false;
            }

            case ParameterCompatibilityAction.DiscardMessage:
                Report(IsupMaintenanceEventKind.UnrecognisedParameter, circuit.Cic, state: state, messageType: signal.Type, action: IsupMaintenanceAction.Discard);
                return false;
            case ParameterCompatibilityAction.DiscardMessageAndNotify:
            {
                var cause = new IsupCause(IsupCauses.MessageWithUnrecognisedParameterDiscarded, _causeLocation, signal.UnrecognisedParameter);
                EmitSignal(IsupSignal.Confusion(circuit.Cic, cause));
                Report(IsupMaintenanceEventKind.UnrecognisedParameter, circuit.Cic, state: state, messageType: signal.Type, cause: cause, action: IsupMaintenanceAction.Confusion);
                return false;
            }

            default:
            {
                var cause = new IsupCause(IsupCauses.ParameterNotImplemented, _causeLocation, signal.UnrecognisedParameter);
                EmitSignal(IsupSignal.Confusion(circuit.Cic, cause));
                Report(IsupMaintenanceEventKind.UnrecognisedParameter, circuit.Cic, state: state, messageType: signal.Type, cause: cause, action: IsupMaintenanceAction.Confusion);
                return true;
            }
        }
    }
}
