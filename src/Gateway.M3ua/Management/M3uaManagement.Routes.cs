namespace Gateway.M3ua;

/// <summary>SSNM (RFC 4666 §3.4, §4.5): destination states from DUNA, DAVA, DRST, SCON and DUPU; DAUD sent and answered.</summary>
public sealed partial class M3uaManagement
{
    private void ReceiveNetworkManagement(in M3uaSignal signal)
    {
        if (!AcceptsNetworkManagement(in signal))
        {
            return;
        }

        bool named = !signal.RoutingContexts.IsEmpty;
        ReadOnlySpan<PointCodeRange> affected = signal.AffectedPointCodes.Span;
        foreach (TrackedDestination destination in _destinations)
        {
            if (Covers(affected, destination.PointCode) && (!named || InSelection(destination.RoutingContext)))
            {
                Apply(in signal, destination);
            }
        }
    }

    /// <summary>The checks every received SSNM message passes first; false when it was refused (ERR sent).</summary>
    private bool AcceptsNetworkManagement(in M3uaSignal signal)
    {
        if (!_local.IsUp && _peer.State == AspStatus.Down)
        {
            // SSNM concerns ASPs that are up (RFC 4666 §4.5); before ASPUP ACK nothing asked for it.
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return false;
        }

        if (signal.NetworkAppearance is uint appearance && Options.NetworkAppearance is uint ours && appearance != ours)
        {
            SendError(M3uaErrorCode.InvalidNetworkAppearance, signal.Type);
            return false;
        }

        if (!Select(signal.RoutingContexts.Span, out uint[]? unknown))
        {
            SendError(M3uaErrorCode.InvalidRoutingContext, signal.Type, unknown);
            return false;
        }

        return true;
    }

    /// <summary>Whether a destination reached through <paramref name="routingContext"/> belongs to the ASs the message named.</summary>
    private bool InSelection(uint? routingContext)
    {
        if (routingContext is null)
        {
            return true; // reached through any AS, so concerned by any
        }

        for (int i = 0; i < _servers.Length; i++)
        {
            if (_selection[i] && _servers[i].RoutingContext == routingContext)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(ReadOnlySpan<PointCodeRange> affected, int pointCode)
    {
        foreach (PointCodeRange entry in affected)
        {
            if (entry.Covers(pointCode))
            {
                return true;
            }
        }

        return false;
    }

    private void Apply(in M3uaSignal signal, TrackedDestination destination)
    {
        switch (signal.Type)
        {
            case M3uaMessageType.Duna:
                // Unreachable: congestion and user part states toward it mean nothing any more.
                destination.Signalled = DestinationAvailability.Unavailable;
                destination.CongestionLevel = 0;
                destination.CongestionTimer.Stop();
                destination.UnavailableUser = null;
                break;
            case M3uaMessageType.Dava:
                destination.Signalled = DestinationAvailability.Available;
                destination.UnavailableUser = null;
                break;
            case M3uaMessageType.Drst:
                destination.Signalled = DestinationAvailability.Restricted;
                break;
            case M3uaMessageType.Scon:
                Congest(destination, signal.CongestionLevel);
                break;
            default:
                destination.UnavailableUser = signal.User;
                destination.UserCause = signal.Cause;
                Report(new M3uaManagementEvent(
                    M3uaManagementEventKind.UserPartUnavailable, pointCode: destination.PointCode, user: signal.User, cause: signal.Cause));
                break;
        }
    }

    /// <summary>
    /// Every SCON is reported, repeated or not: ISUP's congestion control (Q.764 §2.11) counts indications itself. An
    /// ITU SCON has no level and counts as level 1; the level falls back to 0 when no SCON renews it for
    /// <see cref="ManagementTimerSettings.CongestionAbatement"/>.
    /// </summary>
    private void Congest(TrackedDestination destination, byte? level)
    {
        byte congestion = Math.Min(level ?? (byte)1, (byte)3);
        destination.CongestionLevel = congestion;
        TimeSpan abatement = Options.Timers.CongestionAbatement;
        if (congestion > 0 && abatement > TimeSpan.Zero)
        {
            destination.CongestionTimer.Start(abatement);
        }
        else
        {
            destination.CongestionTimer.Stop();
        }

        Report(new M3uaManagementEvent(M3uaManagementEventKind.RouteCongested, pointCode: destination.PointCode, congestionLevel: congestion));
    }

    private void CongestionAbated(TrackedDestination destination)
    {
        destination.CongestionLevel = 0;
        Report(new M3uaManagementEvent(M3uaManagementEventKind.RouteCongested, pointCode: destination.PointCode, congestionLevel: 0));
    }

    /// <summary>
    /// A DAUD from the peer. An SGP audits nobody (RFC 4666 §3.4.3: DAUD goes from ASP to SGP), so toward an SGP it is
    /// unexpected. An IPSP is its own point code and relays for nobody: it answers DAVA for its own point codes and
    /// Destination Status Unknown for the rest.
    /// </summary>
    private void ReceiveAudit(in M3uaSignal signal)
    {
        if (Options.Role == ManagementRole.Asp)
        {
            SendError(M3uaErrorCode.UnexpectedMessage, signal.Type);
            return;
        }

        if (!AcceptsNetworkManagement(in signal))
        {
            return;
        }

        List<PointCodeRange>? available = null;
        List<PointCodeRange>? unknown = null;
        foreach (PointCodeRange entry in signal.AffectedPointCodes.Span)
        {
            bool ours = false;
            foreach (int pointCode in Options.LocalPointCodes)
            {
                if (entry.Covers(pointCode))
                {
                    ours = true;
                    (available ??= []).Add(new PointCodeRange(pointCode));
                }
            }

            if (!ours)
            {
                (unknown ??= []).Add(entry);
            }
        }

        if (available is not null)
        {
            Emit(M3uaSignal.Destinations(M3uaMessageType.Dava, available.ToArray(), signal.RoutingContexts.ToArray(), Options.NetworkAppearance));
        }

        if (unknown is not null)
        {
            SendError(M3uaErrorCode.DestinationStatusUnknown, signal.Type, signal.RoutingContexts.ToArray(), unknown.ToArray());
        }
    }

    /// <summary>
    /// The audit timer expired: one DAUD per AS concerned, naming the destinations not known to be fully available
    /// (those reached through any AS go in a DAUD without routing context).
    /// </summary>
    private void SendAudit()
    {
        var groups = new Dictionary<uint, List<PointCodeRange>>();
        List<PointCodeRange>? anyAs = null;
        foreach (TrackedDestination destination in _destinations)
        {
            if (!destination.NeedsAudit)
            {
                continue;
            }

            var entry = new PointCodeRange(destination.PointCode);
            if (destination.RoutingContext is uint context)
            {
                if (!groups.TryGetValue(context, out List<PointCodeRange>? list))
                {
                    groups.Add(context, list = []);
                }

                list.Add(entry);
            }
            else
            {
                (anyAs ??= []).Add(entry);
            }
        }

        if (anyAs is not null)
        {
            Emit(M3uaSignal.Destinations(M3uaMessageType.Daud, anyAs.ToArray(), networkAppearance: Options.NetworkAppearance));
        }

        foreach (KeyValuePair<uint, List<PointCodeRange>> group in groups)
        {
            Emit(M3uaSignal.Destinations(M3uaMessageType.Daud, group.Value.ToArray(), new[] { group.Key }, Options.NetworkAppearance));
        }
    }
}
