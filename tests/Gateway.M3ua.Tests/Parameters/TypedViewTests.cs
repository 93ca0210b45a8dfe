using Gateway.M3ua.Tests.Samples;

namespace Gateway.M3ua.Tests.Parameters;

public sealed class TypedViewTests
{
    private static T RoundTrip<T>(T view)
        where T : struct, IM3uaParameter<T>
    {
        byte[] value = new byte[view.EncodedLength];
        Assert.Equal(value.Length, view.Write(value));
        Assert.Equal(M3uaError.None, M3uaParameterRules.Check(T.Tag, value));
        Assert.True(T.TryParse(value, out T parsed));
        return parsed;
    }

    [Fact]
    public void Fixed_views_round_trip()
    {
        Assert.Equal(new NetworkAppearance(0xdeadbeef), RoundTrip(new NetworkAppearance(0xdeadbeef)));
        Assert.Equal(new CorrelationId(9), RoundTrip(new CorrelationId(9)));
        Assert.Equal(new AspIdentifier(42), RoundTrip(new AspIdentifier(42)));
        Assert.Equal(new LocalRoutingKeyIdentifier(3), RoundTrip(new LocalRoutingKeyIdentifier(3)));
        Assert.Equal(new ErrorCode(M3uaErrorCode.NoConfiguredAsForAsp), RoundTrip(new ErrorCode(M3uaErrorCode.NoConfiguredAsForAsp)));
        Assert.Equal(new TrafficModeType(M3uaTrafficMode.Override), RoundTrip(new TrafficModeType(M3uaTrafficMode.Override)));
        Assert.Equal(new UserCause(M3uaUnavailabilityCause.UnequippedRemoteUser, 5), RoundTrip(new UserCause(M3uaUnavailabilityCause.UnequippedRemoteUser, 5)));
        Assert.Equal(new ConcernedDestination(0xabcdef), RoundTrip(new ConcernedDestination(0xabcdef)));
        Assert.Equal(new CongestionIndications(M3uaCongestionLevel.Level3), RoundTrip(new CongestionIndications(M3uaCongestionLevel.Level3)));
        Assert.Equal(new DestinationPointCode(new M3uaPointCode(77, 2)), RoundTrip(new DestinationPointCode(new M3uaPointCode(77, 2))));
        Assert.Equal(new RegistrationStatus(M3uaRegistrationStatus.PermissionDenied), RoundTrip(new RegistrationStatus(M3uaRegistrationStatus.PermissionDenied)));
        Assert.Equal(new DeregistrationStatus(M3uaDeregistrationStatus.AspCurrentlyActive), RoundTrip(new DeregistrationStatus(M3uaDeregistrationStatus.AspCurrentlyActive)));
        Assert.Equal(new RegistrationResult(1, M3uaRegistrationStatus.Success, 5), RoundTrip(new RegistrationResult(1, M3uaRegistrationStatus.Success, 5)));
        Assert.Equal(new DeregistrationResult(5, M3uaDeregistrationStatus.NotRegistered), RoundTrip(new DeregistrationResult(5, M3uaDeregistrationStatus.NotRegistered)));
        Assert.Equal(new RoutingContext(1, 2, 3), RoundTrip(new RoutingContext(1, 2, 3)));
        Assert.Equal(new AffectedPointCode(new M3uaPointCode(1), new M3uaPointCode(2, 3)), RoundTrip(new AffectedPointCode(new M3uaPointCode(1), new M3uaPointCode(2, 3))));
        Assert.Equal(new OriginatingPointCodeList(new M3uaPointCode(4)), RoundTrip(new OriginatingPointCodeList(new M3uaPointCode(4))));
        Assert.Equal(new ServiceIndicators(3, 5), RoundTrip(new ServiceIndicators(3, 5)));
        Assert.Equal(new InfoString("héllo"), RoundTrip(new InfoString("héllo")));
        Assert.Equal(new HeartbeatData(new byte[] { 1, 2, 3 }), RoundTrip(new HeartbeatData(new byte[] { 1, 2, 3 })));
        Assert.Equal(new DiagnosticInformation(new byte[] { 9 }), RoundTrip(new DiagnosticInformation(new byte[] { 9 })));
        Assert.Equal(new ProtocolData(M3uaSamples.IsupHeader, new byte[] { 1, 2 }), RoundTrip(new ProtocolData(M3uaSamples.IsupHeader, new byte[] { 1, 2 })));
    }

    [Fact]
    public void Notify_status_reads_its_information_by_its_type()
    {
        var active = NotifyStatus.AsStateChange(M3uaAsState.Pending);
        Assert.Equal((M3uaStatusType.AsStateChange, (M3uaAsState?)M3uaAsState.Pending, (M3uaOtherStatus?)null), (active.Type, active.AsState, active.OtherStatus));
        var other = NotifyStatus.Other(M3uaOtherStatus.AlternateAspActive);
        Assert.Equal((M3uaStatusType.Other, (M3uaAsState?)null, (M3uaOtherStatus?)M3uaOtherStatus.AlternateAspActive), (other.Type, other.AsState, other.OtherStatus));
        Assert.True(NotifyStatus.TryParse([0, 1, 0, 3], out var parsed));
        Assert.Equal(NotifyStatus.AsStateChange(M3uaAsState.Active), parsed);
    }

    [Fact]
    public void The_protocol_data_label_maps_to_and_from_the_mtp3_sio()
    {
        // SIO 0x85: national network (NI 2), MP 0, ISUP (SI 5).
        var header = ProtocolDataHeader.FromServiceInformationOctet(1, 2, 0x85, 7);
        Assert.Equal(((byte)5, (byte)2, (byte)0, (byte)0x85), (header.ServiceIndicator, header.NetworkIndicator, header.MessagePriority, header.ServiceInformationOctet));
        Assert.Equal((byte)0x35, ProtocolDataHeader.FromServiceInformationOctet(1, 2, 0x35, 0).ServiceInformationOctet);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolDataHeader(1, 2, 16, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolDataHeader(1, 2, 5, 4, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtocolDataHeader(1, 2, 5, 2, 4, 0));
        Assert.False(ProtocolDataHeader.TryRead(new byte[11], out _));
        Assert.False(ProtocolData.TryRead(Convert.FromHexString("000000010000000210000000"), out _, out _));
    }

    [Fact]
    public void A_point_code_entry_is_a_mask_over_24_bits()
    {
        var entry = M3uaPointCode.FromWord(0x08002200);
        Assert.Equal((0x2200u, (byte)8, 0x08002200u, "8704/8"), (entry.PointCode, entry.Mask, entry.ToWord(), entry.ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new M3uaPointCode(0x01000000));
        Assert.Equal(2, new M3uaWordList([0, 0, 0, 1, 8, 0, 0, 2, 9]).Count);
        Assert.Equal(new M3uaPointCode(2, 8), new M3uaWordList([0, 0, 0, 1, 8, 0, 0, 2]).PointCodeAt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new M3uaWordList([0, 0, 0, 1])[1]);
    }

    [Fact]
    public void Views_refuse_what_the_rules_refuse_without_throwing()
    {
        Assert.False(TrafficModeType.TryParse([0, 0, 0, 0], out _));
        Assert.False(TrafficModeType.TryParse([0, 0, 0, 4], out _));
        Assert.False(TrafficModeType.TryParse([0, 0, 2], out _));
        Assert.False(CongestionIndications.TryParse([0, 0, 0, 4], out _));
        Assert.False(RoutingContext.TryParse([0, 0, 0, 1, 0], out _));
        Assert.False(RoutingContext.TryParse([], out _));
        Assert.False(AffectedPointCode.TryParse([], out _));
        Assert.False(ServiceIndicators.TryParse([], out _));
        Assert.False(InfoString.TryParse(new byte[256], out _));
        Assert.False(RoutingKey.TryParse(Convert.FromHexString("020a000800000001"), out _)); // no DPC
        Assert.False(RegistrationResult.TryParse(Convert.FromHexString("020a000800000001"), out _));
        Assert.False(DeregistrationResult.TryParse([], out _));

        // An INFO String that is not UTF-8 reads with replacement characters, even when they make it longer than 255.
        Assert.True(InfoString.TryParse(Enumerable.Repeat((byte)0xff, 255).ToArray(), out var garbled));
        Assert.Equal(255, garbled.Text.Length);
        Assert.Throws<ArgumentException>(() => new InfoString(new string('é', 128)));
        Assert.Throws<ArgumentException>(() => new RoutingContext(ReadOnlySpan<uint>.Empty));
    }

    [Fact]
    public void A_routing_key_lists_its_destinations_each_with_what_follows_its_dpc()
    {
        // LRK 7, traffic mode override, DPC 100 with NA 3 and SI 5, then DPC 200 with an OPC list, and a Network
        // Appearance placed before any DPC (any order is accepted; it belongs to the first destination).
        byte[] value = Convert.FromHexString(
            "020a000800000007" + "000b000800000001" + "0200000800000003" + "020b000800000064" + "020c000505000000" +
            "020b0008000000c8" + "020e000c0000000101000002" + "7777000400000000"[..8]);
        Assert.Equal(M3uaError.None, M3uaParameterRules.Check(M3uaParameterTag.RoutingKey, value));
        Assert.True(RoutingKey.TryParse(value, out var key));
        Assert.Equal((7u, (uint?)null, (M3uaTrafficMode?)M3uaTrafficMode.Override, 2), (key.LocalRoutingKeyIdentifier, key.RoutingContext, key.TrafficMode, key.Destinations.Count));
        Assert.Equal(new RoutingKeyDestination(new M3uaPointCode(100), 3, [5]), key.Destinations[0]);
        Assert.Equal(new RoutingKeyDestination(new M3uaPointCode(200), null, default, [new M3uaPointCode(1), new M3uaPointCode(2, 1)]), key.Destinations[1]);

        // Written back in RFC order (the unknown 0x7777 is the message value's to keep, not the view's).
        var again = RoundTrip(key);
        Assert.Equal(key, again);
        Assert.Equal(RoundTrip(M3uaSamples.IsupKey(1, 2002)), M3uaSamples.IsupKey(1, 2002));
        Assert.Throws<ArgumentException>(() => new RoutingKey(1, []));
    }

    [Fact]
    public void Messages_give_every_parameter_of_a_view_and_the_protocol_data_without_copying()
    {
        var reg = M3uaSamples.All().Single(m => m.Type == M3uaMessageType.RegReq);
        Assert.Equal([1u, 2u], reg.GetAll<RoutingKey>().Select(k => k.LocalRoutingKeyIdentifier));
        Assert.True(reg.Parameters[0].IsGroup);
        Assert.True(reg.Parameters[0].TryGetGroup(out var inner));
        Assert.Equal([M3uaParameterTag.LocalRoutingKeyIdentifier, M3uaParameterTag.TrafficModeType, M3uaParameterTag.DestinationPointCode,
            M3uaParameterTag.NetworkAppearance, M3uaParameterTag.ServiceIndicators, M3uaParameterTag.OriginatingPointCodeList], inner.Select(p => p.Tag));

        var data = M3uaSamples.Data();
        Assert.Equal(1, data.RemoveAll(M3uaParameterTag.RoutingContext));
        Assert.False(data.Contains(M3uaParameterTag.RoutingContext));
        Assert.True(data.TryGetProtocolData(out var pd));
        Assert.Equal(M3uaSamples.IsupHeader, pd.Header);
        Assert.Equal(Gateway.Testing.M3uaWireSamples.Iam40, pd.UserData.ToArray());
    }

    [Fact]
    public void Every_message_and_parameter_has_a_name_and_every_known_tag_a_rule()
    {
        foreach (var type in Enum.GetValues<M3uaMessageType>())
        {
            Assert.NotNull(M3uaMessageNames.GetAcronym(type));
            Assert.NotEqual("unknown", M3uaMessageNames.GetName(type));
            Assert.NotEqual("unknown", M3uaMessageNames.GetClassName(type.GetClass()));
            Assert.Equal(type, M3uaMessageTypes.Create((byte)type.GetClass(), type.GetTypeOctet()));
            Assert.Equal(M3uaMessageNames.GetAcronym(type), M3uaMessageFormats.Get(type)!.Name);
        }

        foreach (var tag in Enum.GetValues<M3uaParameterTag>())
        {
            Assert.NotEqual("unknown", M3uaParameterNames.GetName(tag));
            Assert.True(M3uaParameterNames.IsKnown(tag));
        }

        Assert.False(M3uaParameterNames.IsKnown((M3uaParameterTag)0x020f)); // RFC 3332's Circuit Range, reserved since RFC 4666
        Assert.Null(M3uaMessageNames.GetAcronym((M3uaMessageType)0x0505));
        Assert.Equal(3, M3uaMessageFormats.Get(M3uaMessageType.Data)!.IndexOf(M3uaParameterTag.CorrelationId));
        Assert.Equal(-1, M3uaMessageFormats.Get(M3uaMessageType.Data)!.IndexOf(M3uaParameterTag.InfoString));
        Assert.Equal(M3uaPresence.Mandatory, M3uaMessageFormats.GetGroup(M3uaParameterTag.RoutingKey)!.Parameters[3].Presence);
    }
}
