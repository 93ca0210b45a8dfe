using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// After every event, under the lock: derive the AS states, whether traffic may flow, the destinations' availability and
/// which timers run, from the machines' states — and report what changed. Deriving rather than updating at each step
/// keeps the many paths into and out of ASP-ACTIVE from forgetting one of the consequences.
/// </summary>
public sealed partial class M3uaManagement
{
    private byte[]? _outstandingBeat;
    private int _beatMisses;
    private ulong _beatSequence;
    private long _heartbeatsSent;
    private long _heartbeatMismatches;

    private void Reconcile()
    {
        if (_peer.State != AspStatus.Active)
        {
            foreach (ApplicationServer server in _servers)
            {
                server.PeerActive = false;
            }
        }

        AspStatus local = _local.Status;
        if (local != _reportedLocal)
        {
            _reportedLocal = local;
            Report(new M3uaManagementEvent(M3uaManagementEventKind.AspStateChanged, aspStatus: local));
        }

        if (_peer.State != _reportedPeer)
        {
            _reportedPeer = _peer.State;
            Report(new M3uaManagementEvent(M3uaManagementEventKind.PeerAspStateChanged, aspStatus: _peer.State, aspIdentifier: _peer.AspIdentifier));
        }

        bool up = (Options.ActivatesLocally && _local.IsUp) || (Options.AcceptsPeer && _peer.State != AspStatus.Down);
        foreach (ApplicationServer server in _servers)
        {
            if (!up)
            {
                server.Fire(AsTrigger.Down);
                continue;
            }

            server.Fire(AsTrigger.Up);
            if (!Options.AwaitsNotify)
            {
                server.Fire(Serves(server) ? AsTrigger.Activated : AsTrigger.Deactivated);
            }
        }

        foreach (ApplicationServer server in _servers)
        {
            bool flows = server.State == AsState.Active && Serves(server);
            if (flows != server.ReportedTraffic)
            {
                server.ReportedTraffic = flows;
                Report(new M3uaManagementEvent(
                    flows ? M3uaManagementEventKind.TrafficStarted : M3uaManagementEventKind.TrafficStopped,
                    routingContext: server.RoutingContext));
            }
        }

        bool audit = false;
        foreach (TrackedDestination destination in _destinations)
        {
            ReconcileDestination(destination);
            audit |= destination.NeedsAudit;
        }

        bool beat = _associationUp && Options.Timers.HeartbeatInterval > TimeSpan.Zero;
        if (beat && !_heartbeatTimer.IsArmed)
        {
            _heartbeatTimer.Start(Options.Timers.HeartbeatInterval);
        }
        else if (!beat)
        {
            _heartbeatTimer.Stop();
        }

        // DAUD goes from an ASP toward its SGP (RFC 4666 §3.4.3), here only while our ASP serves; an IPSP server in
        // single exchange plays the SGP's part and audits nobody.
        audit &= Options.Timers.AuditInterval > TimeSpan.Zero && Options.ActivatesLocally && _local.State == AspState.Active;
        if (audit && !_auditTimer.IsArmed)
        {
            _auditTimer.Start(Options.Timers.AuditInterval);
        }
        else if (!audit)
        {
            _auditTimer.Stop();
        }
    }

    /// <summary>Whether our end does its part for <paramref name="server"/>: our ASP active in it, the peer's too, as the mode needs.</summary>
    private bool Serves(ApplicationServer server) =>
        server.Usable
        && (!Options.ActivatesLocally || (_local.State == AspState.Active && !server.Displaced))
        && (!Options.AcceptsPeer || server.PeerActive);

    private void ReconcileDestination(TrackedDestination destination)
    {
        ApplicationServer? carrier = null;
        foreach (ApplicationServer server in _servers)
        {
            if (server.ReportedTraffic && (destination.RoutingContext is null || server.RoutingContext == destination.RoutingContext))
            {
                carrier = server;
                break;
            }
        }

        destination.ReportedRoutingContext = carrier?.RoutingContext;
        DestinationAvailability availability = carrier is null ? DestinationAvailability.Unavailable : destination.Signalled;
        if (availability == destination.Reported)
        {
            return;
        }

        destination.Reported = availability;
        M3uaManagementEventKind kind = availability switch
        {
            DestinationAvailability.Available => M3uaManagementEventKind.RouteAvailable,
            DestinationAvailability.Restricted => M3uaManagementEventKind.RouteRestricted,
            _ => M3uaManagementEventKind.RouteUnavailable,
        };
        Report(new M3uaManagementEvent(kind, routingContext: carrier?.RoutingContext, pointCode: destination.PointCode));
    }

    /// <summary>An AS changed state: report it, and as an IPSP server in single exchange tell the peer, as an SGP would.</summary>
    internal void OnAsTransition(ApplicationServer server)
    {
        Report(new M3uaManagementEvent(M3uaManagementEventKind.AsStateChanged, routingContext: server.RoutingContext, asState: server.State));
        NtfyStatus status = server.State switch
        {
            AsState.Inactive => NtfyStatus.AsInactive,
            AsState.Active => NtfyStatus.AsActive,
            AsState.Pending => NtfyStatus.AsPending,
            _ => NtfyStatus.None, // AS-DOWN: the peer's ASP is down, so there is nobody to tell
        };
        if (_sendsNotify && status != NtfyStatus.None)
        {
            ReadOnlyMemory<uint> contexts = server.RoutingContext is uint context ? new[] { context } : default;
            Emit(M3uaSignal.Notify(status, contexts));
        }
    }

    /// <summary>The request our ASP sends on entering <paramref name="waitingState"/> (and on each T(ack) repeat).</summary>
    internal void SendRequest(AspState waitingState)
    {
        switch (waitingState)
        {
            case AspState.UpSent:
                Emit(M3uaSignal.AspUp(Options.AspIdentifier));
                break;
            case AspState.RegistrationSent:
                // A registration lives as long as the association that made it: ask afresh, forget the old answers.
                foreach (ApplicationServer server in _servers)
                {
                    if (server.Key is not null)
                    {
                        server.RoutingContext = null;
                    }
                }

                Emit(new M3uaSignal { Type = M3uaMessageType.RegReq, RoutingKeys = _keys });
                break;
            case AspState.ActiveSent:
                foreach (ApplicationServer server in _servers)
                {
                    server.Displaced = false; // a new ASPAC claims every AS again
                }

                Emit(M3uaSignal.Traffic(M3uaMessageType.AspAc, Options.TrafficMode, ActivationContexts()));
                break;
            case AspState.InactiveSent:
                Emit(new M3uaSignal { Type = M3uaMessageType.AspIa, RoutingContexts = ActivationContexts() });
                break;
            default:
                Emit(M3uaSignal.Of(M3uaMessageType.AspDn));
                break;
        }
    }

    /// <summary>The routing contexts ASPAC and ASPIA name: every usable AS's (none for the implicit AS).</summary>
    private uint[] ActivationContexts()
    {
        int count = 0;
        foreach (ApplicationServer server in _servers)
        {
            if (server.RoutingContext is not null)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var contexts = new uint[count];
        int next = 0;
        foreach (ApplicationServer server in _servers)
        {
            if (server.RoutingContext is uint context)
            {
                contexts[next++] = context;
            }
        }

        return contexts;
    }

    private void OnTimer(ManagementTimerSlot slot)
    {
        switch (slot.Kind)
        {
            case ManagementTimer.Ack:
                _local.Fire(AspTrigger.AckTimeout);
                break;
            case ManagementTimer.Heartbeat:
                Beat();
                break;
            case ManagementTimer.Audit:
                SendAudit(); // Reconcile re-arms the timer while an audit is still due
                break;
            default:
                CongestionAbated(slot.Destination!);
                break;
        }
    }

    /// <summary>
    /// The BEAT interval elapsed: the previous BEAT, if still unanswered, is a miss; too many in a row and the association
    /// is dead. Otherwise the next BEAT goes out with fresh data, so a late or foreign BEAT ACK cannot pass for its answer.
    /// </summary>
    private void Beat()
    {
        if (_outstandingBeat is not null && ++_beatMisses >= Options.Timers.HeartbeatMissLimit)
        {
            Report(new M3uaManagementEvent(M3uaManagementEventKind.AssociationDead, count: _beatMisses));
            LoseAssociation();
            return;
        }

        var data = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(data, ++_beatSequence);
        _outstandingBeat = data;
        _heartbeatsSent++;
        Emit(M3uaSignal.Heartbeat(M3uaMessageType.Beat, data));
        _heartbeatTimer.Start(Options.Timers.HeartbeatInterval);
    }

    private void AcknowledgeBeat(ReadOnlySpan<byte> data)
    {
        if (_outstandingBeat is not null && data.SequenceEqual(_outstandingBeat))
        {
            _outstandingBeat = null;
            _beatMisses = 0;
            return;
        }

        // RFC 4666 §3.5.6: the ACK must echo the BEAT's data. One that does not proves nothing about our BEAT.
        _heartbeatMismatches++;
        Report(new M3uaManagementEvent(M3uaManagementEventKind.HeartbeatMismatch, count: (int)Math.Min(_heartbeatMismatches, int.MaxValue)));
    }
}
