using Gateway.Testing;

namespace Gateway.M3ua.Tests.Samples;

/// <summary>
/// One message of every M3UA class and type, each with the parameters a real peer would send — built from the typed
/// views, so building them exercises every view's writer. The tshark round trip and the property tests start here.
/// </summary>
public static class M3uaSamples
{
    public static readonly M3uaPointCode[] Destinations = [new(1001), new(0x2200, mask: 8)];

    public static IReadOnlyList<M3uaMessage> All() =>
    [
        new M3uaMessage(M3uaMessageType.Err)
            .Add(new ErrorCode(M3uaErrorCode.InvalidRoutingContext)).Add(new RoutingContext(7))
            .Add(new DiagnosticInformation(Convert.FromHexString("0100040100000010000600080000000700"))),
        new M3uaMessage(M3uaMessageType.Ntfy)
            .Add(NotifyStatus.AsStateChange(M3uaAsState.Active)).Add(new AspIdentifier(42)).Add(new RoutingContext(10)).Add(new InfoString("AS up")),
        Data(),
        Ssnm(M3uaMessageType.Duna),
        Ssnm(M3uaMessageType.Dava),
        Ssnm(M3uaMessageType.Daud),
        Ssnm(M3uaMessageType.Scon).Add(new ConcernedDestination(3003)).Add(new CongestionIndications(M3uaCongestionLevel.Level2)),
        new M3uaMessage(M3uaMessageType.Dupu)
            .Add(new NetworkAppearance(8)).Add(new RoutingContext(10)).Add(new AffectedPointCode(new M3uaPointCode(2002)))
            .Add(new UserCause(M3uaUnavailabilityCause.InaccessibleRemoteUser, (ushort)Mtp3ServiceIndicator.Isup)),
        Ssnm(M3uaMessageType.Drst),
        new M3uaMessage(M3uaMessageType.AspUp).Add(new AspIdentifier(42)).Add(new InfoString("gw-1")),
        new M3uaMessage(M3uaMessageType.AspDn).Add(new InfoString("maintenance")),
        new M3uaMessage(M3uaMessageType.Beat).Add(new HeartbeatData(Convert.FromHexString("00000001deadbeef01"))),
        new M3uaMessage(M3uaMessageType.AspUpAck).Add(new AspIdentifier(42)),
        new M3uaMessage(M3uaMessageType.AspDnAck),
        new M3uaMessage(M3uaMessageType.BeatAck).Add(new HeartbeatData(Convert.FromHexString("00000001deadbeef01"))),
        new M3uaMessage(M3uaMessageType.AspAc).Add(new TrafficModeType(M3uaTrafficMode.Loadshare)).Add(new RoutingContext(10, 11)),
        new M3uaMessage(M3uaMessageType.AspIa).Add(new RoutingContext(10)),
        new M3uaMessage(M3uaMessageType.AspAcAck).Add(new TrafficModeType(M3uaTrafficMode.Loadshare)).Add(new RoutingContext(10, 11)).Add(new InfoString("ok")),
        new M3uaMessage(M3uaMessageType.AspIaAck).Add(new RoutingContext(10)),
        new M3uaMessage(M3uaMessageType.RegReq).Add(IsupKey(1, 2002)).Add(IsupKey(2, 2003)),
        new M3uaMessage(M3uaMessageType.RegRsp)
            .Add(new RegistrationResult(1, M3uaRegistrationStatus.Success, 100))
            .Add(new RegistrationResult(2, M3uaRegistrationStatus.RoutingKeyAlreadyRegistered, 0)),
        new M3uaMessage(M3uaMessageType.DeregReq).Add(new RoutingContext(100, 101)),
        new M3uaMessage(M3uaMessageType.DeregRsp)
            .Add(new DeregistrationResult(100, M3uaDeregistrationStatus.Success))
            .Add(new DeregistrationResult(101, M3uaDeregistrationStatus.NotRegistered)),
    ];

    /// <summary>The DATA of <see cref="M3uaWireSamples.DataWithIam"/>: Routing Context 10, ISUP IAM from OPC 1001 to DPC 2002, national.</summary>
    public static M3uaMessage Data() =>
        new M3uaMessage(M3uaMessageType.Data)
            .Add(new RoutingContext(M3uaWireSamples.RoutingContext))
            .Add(new ProtocolData(IsupHeader, M3uaWireSamples.Iam40));

    public static readonly ProtocolDataHeader IsupHeader = new(
        M3uaWireSamples.Opc, M3uaWireSamples.Dpc, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 0, 5);

    /// <summary>A Routing Key for ISUP traffic to <paramref name="dpc"/> in network appearance 8.</summary>
    public static RoutingKey IsupKey(uint local, uint dpc) =>
        new(local, [new RoutingKeyDestination(new M3uaPointCode(dpc), 8, [(byte)Mtp3ServiceIndicator.Isup], [new M3uaPointCode(1001)])], trafficMode: M3uaTrafficMode.Loadshare);

    private static M3uaMessage Ssnm(M3uaMessageType type) =>
        new M3uaMessage(type).Add(new NetworkAppearance(8)).Add(new RoutingContext(10)).Add(new AffectedPointCode(Destinations)).Add(new InfoString("SG-1"));
}
