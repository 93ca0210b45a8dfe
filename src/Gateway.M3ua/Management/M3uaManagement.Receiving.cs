namespace Gateway.M3ua;

/// <summary>Received management messages: dispatch, our ASP's acknowledgements, the peer's requests, NTFY, REG RSP.</summary>
public sealed partial class M3uaManagement
{
    private long _errorsReceived;
    private long _errorsSent;

    private void ReceiveLocked(in M3uaSignal signal)
    {
        switch (signal.Type)
        {
            case M3uaMessageType.Beat:
                // Always answered, whatever the state: the peer's liveness check must not depend on ours. Copied, since
                // the signal may view a receive buffer that is reused before the echo is delivered.
                Emit(M3uaSignal.Heartbeat(M3uaMessageType.BeatAck, signal.HeartbeatData.ToArray()));
                return;
            case M3uaMessageType.BeatAck:
                AcknowledgeBeat(signal.HeartbeatData.Span);
                return;
            case M3uaMessageType.Err:
                // Reported, never answered: an ERR about an ERR could loop between two confused peers.
                _errorsReceived++;
                Report(new M3uaManagementEvent(
                    M3uaManagementEventKind.ErrorReceived,
                    routingContext: First(signal.RoutingContexts),
                    pointCode: signal.AffectedPointCodes.IsEmpty ? -1 : signal.AffectedPointCodes.Span[0].PointCode,
                    errorCode: signal.ErrorCode));
                return;
            case M3uaMessageType.Ntfy:
                ReceiveNotify(in signal);
                return;
            case M3uaMessageType.AspUpAck:
                ExpectLocal(AspTrigger.UpAck, signal.Type);
                return;
            case M3uaMessageType.AspAcAck:
                if (signal.TrafficMode != TrafficMode.None && signal.TrafficMode != Options.TrafficMode && Options.ActivatesLocally)
                {
                    Report(new M3uaManagementEvent(M3uaManagementEventKind.TrafficModeMismatch, signalType: signal.Type, trafficMode: signal.TrafficMode));
                }

                ExpectLocal(AspTrigger.ActiveAck, signal.Type);
                return;
            case M3uaMessageType.AspIaAck:
                ExpectLocal(AspTrigger.InactiveAck, signal.Type);
                return;
            case M3uaMessageType.AspDnAck:
                ExpectLocal(AspTrigger.DownAck, signal.Type);
                return;
            case M3uaMessageType.RegRsp:
                ReceiveRegistration(in signal);
                return;
            case M3uaMessageType.AspUp:
            case M3uaMessageType.AspAc:
            case M3uaMessageType.AspIa:
            case M3uaMessageType.AspDn:
                ReceivePeer(in signal);
                return;
            case M3uaMessageType.Duna:
            case M3uaMessageType.Dava:
            case M3uaMessageType.Drst:
            case M3uaMessageType.Scon:
            case M3uaMessageType.Dupu:
                ReceiveNetworkManagement(in signal);
                return;
            case M3uaMessageType.Daud:
                ReceiveAudit(in signal);
                return;
            case M3uaMessageType.RegReq:
            case M3uaMessageType.DeregReq:
            case M3uaMessageType.DeregRsp:
                // We allocate no routing keys and register none away: a peer asking is out of place here.
                SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
                return;
            default:
                SendError(M3uaErrorCode.UnsupportedMessageType, signal.Type);
                return;
        }
    }

    /// <summary>An acknowledgement for our ASP: unexpected when our side sends no such request, or is not waiting for it.</summary>
    private void ExpectLocal(AspTrigger trigger, M3uaMessageType type)
    {
        if (!Options.ActivatesLocally || !_local.Fire(trigger))
        {
            SendError(M3uaErrorCode.UnexpectedMessage, type);
        }
    }

    private void ReceiveRegistration(in M3uaSignal signal)
    {
        if (!Options.ActivatesLocally || _local.State != AspState.RegistrationSent)
        {
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        foreach (RegistrationOutcome outcome in signal.RegistrationResults.Span)
        {
            ApplicationServer? server = null;
            foreach (ApplicationServer candidate in _servers)
            {
                if (candidate.Key?.LocalRoutingKeyIdentifier == outcome.LocalRoutingKeyIdentifier)
                {
                    server = candidate;
                    break;
                }
            }

            if (server is null)
            {
                continue; // a result for a key we did not send: nothing to learn from it
            }

            // "Already registered" still names the routing context in force (left over from our previous association).
            if (outcome.Status is M3uaRegistrationStatus.Success or M3uaRegistrationStatus.RoutingKeyAlreadyRegistered)
            {
                server.RoutingContext = outcome.RoutingContext;
                Report(new M3uaManagementEvent(
                    M3uaManagementEventKind.Registered,
                    routingContext: outcome.RoutingContext,
                    localRoutingKeyIdentifier: outcome.LocalRoutingKeyIdentifier,
                    registrationStatus: outcome.Status));
            }
            else
            {
                Report(new M3uaManagementEvent(
                    M3uaManagementEventKind.RegistrationRefused,
                    localRoutingKeyIdentifier: outcome.LocalRoutingKeyIdentifier,
                    registrationStatus: outcome.Status));
            }
        }

        _local.Fire(AspTrigger.Registered);
    }

    private void ReceiveNotify(in M3uaSignal signal)
    {
        if (!_local.IsUp && _peer.State == AspStatus.Down)
        {
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        if (!Select(signal.RoutingContexts.Span, out uint[]? unknown))
        {
            SendError(M3uaErrorCode.InvalidRoutingContext, signal.Type, unknown);
            return;
        }

        Report(new M3uaManagementEvent(
            M3uaManagementEventKind.NotifyReceived,
            routingContext: First(signal.RoutingContexts),
            status: signal.Status,
            aspIdentifier: signal.AspIdentifier));

        switch (signal.Status)
        {
            case NtfyStatus.AsInactive:
                NotifySelected(AsTrigger.NotifyInactive);
                break;
            case NtfyStatus.AsActive:
                NotifySelected(AsTrigger.NotifyActive);
                break;
            case NtfyStatus.AsPending:
                NotifySelected(AsTrigger.NotifyPending);
                ConsiderTakeOver();
                break;
            case NtfyStatus.InsufficientAspResources:
                ConsiderTakeOver();
                break;
            case NtfyStatus.AlternateAspActive:
                Displace();
                break;
            default:
                break; // ASP failure and unknown statuses: the report is all there is to do
        }
    }

    /// <summary>An AS state NTFY moves the AS only where the peer owns the AS state; where acks decide, it is only reported.</summary>
    private void NotifySelected(AsTrigger trigger)
    {
        if (!Options.AwaitsNotify)
        {
            return;
        }

        for (int i = 0; i < _servers.Length; i++)
        {
            if (_selection[i])
            {
                _servers[i].Fire(trigger);
            }
        }
    }

    /// <summary>A standby (or displaced) ASP activates when the AS lacks an active ASP, unless the operator holds it inactive.</summary>
    private void ConsiderTakeOver()
    {
        if (Options.TakeOverWhenPending && _operatorIntent != false && Options.ActivatesLocally && _local.State == AspState.Inactive)
        {
            _local.Fire(AspTrigger.Activate);
        }
    }

    /// <summary>Alternate ASP Active (override mode): the named ASs are no longer ours; with none left, our ASP is inactive.</summary>
    private void Displace()
    {
        if (!Options.ActivatesLocally)
        {
            return;
        }

        bool anyLeft = false;
        for (int i = 0; i < _servers.Length; i++)
        {
            if (_selection[i])
            {
                _servers[i].Displaced = true;
            }

            anyLeft |= _servers[i].Usable && !_servers[i].Displaced;
        }

        if (!anyLeft)
        {
            _local.Fire(AspTrigger.Displaced);
        }
    }

    private void ReceivePeer(in M3uaSignal signal)
    {
        if (!Options.AcceptsPeer)
        {
            // An SGP, or an IPSP server in single exchange, never sends these to us.
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        switch (signal.Type)
        {
            case M3uaMessageType.AspUp:
                _peer.AspIdentifier = signal.AspIdentifier;
                _peer.Fire(PeerAspTrigger.Up);
                return;
            case M3uaMessageType.AspDn:
                _peer.Fire(PeerAspTrigger.Down);
                return;
            case M3uaMessageType.AspAc:
                ReceivePeerActive(in signal);
                return;
            default:
                ReceivePeerInactive(in signal);
                return;
        }
    }

    private void ReceivePeerActive(in M3uaSignal signal)
    {
        if (_peer.State == AspStatus.Down)
        {
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        if (signal.TrafficMode != TrafficMode.None && signal.TrafficMode != Options.TrafficMode)
        {
            SendError(M3uaErrorCode.UnsupportedTrafficModeType, signal.Type, signal.RoutingContexts.ToArray());
            return;
        }

        if (signal.RoutingContexts.IsEmpty && _servers.Length > 1)
        {
            // Without a routing context the ASPAC must mean the one AS we have; with several, it means none.
            SendError(M3uaErrorCode.NoConfiguredAsForAsp, signal.Type);
            return;
        }

        if (!Select(signal.RoutingContexts.Span, out uint[]? unknown))
        {
            SendError(M3uaErrorCode.InvalidRoutingContext, signal.Type, unknown);
            return;
        }

        for (int i = 0; i < _servers.Length; i++)
        {
            _servers[i].PeerActive |= _selection[i];
        }

        _peer.Fire(PeerAspMachine.Active, new PeerRequest(signal.RoutingContexts.ToArray()));
    }

    private void ReceivePeerInactive(in M3uaSignal signal)
    {
        if (_peer.State == AspStatus.Down)
        {
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        if (!Select(signal.RoutingContexts.Span, out uint[]? unknown))
        {
            SendError(M3uaErrorCode.InvalidRoutingContext, signal.Type, unknown);
            return;
        }

        bool anyLeft = false;
        for (int i = 0; i < _servers.Length; i++)
        {
            if (_selection[i])
            {
                _servers[i].PeerActive = false;
            }

            anyLeft |= _servers[i].PeerActive;
        }

        var request = new PeerRequest(signal.RoutingContexts.ToArray());
        _peer.Fire(anyLeft ? PeerAspMachine.InactiveSome : PeerAspMachine.Inactive, in request);
    }

    /// <summary>
    /// Marks in <see cref="_selection"/> the ASs that <paramref name="routingContexts"/> names (every AS when it names
    /// none). False when it names a routing context this association does not have: <paramref name="unknown"/> lists them.
    /// </summary>
    private bool Select(ReadOnlySpan<uint> routingContexts, out uint[]? unknown)
    {
        unknown = null;
        if (routingContexts.IsEmpty)
        {
            Array.Fill(_selection, true);
            return true;
        }

        Array.Clear(_selection);
        List<uint>? missing = null;
        foreach (uint context in routingContexts)
        {
            bool found = false;
            for (int i = 0; i < _servers.Length; i++)
            {
                if (_servers[i].RoutingContext == context)
                {
                    _selection[i] = true;
                    found = true;
                }
            }

            if (!found)
            {
                (missing ??= []).Add(context);
            }
        }

        unknown = missing?.ToArray();
        return unknown is null;
    }

    private static uint? First(ReadOnlyMemory<uint> routingContexts) => routingContexts.IsEmpty ? null : routingContexts.Span[0];
}
