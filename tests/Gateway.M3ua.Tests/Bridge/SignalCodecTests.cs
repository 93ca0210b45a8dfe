using System.Buffers;
using Gateway.M3ua.Tests.Conformance;

namespace Gateway.M3ua.Tests.Bridge;

/// <summary>M3uaSignalCodec: every signal the management sends survives encode → decode, and the shared vectors read into the right fields.</summary>
public sealed class SignalCodecTests
{
    private static readonly uint[] Contexts = [7, 9];
    private static readonly PointCodeRange[] Affected = [new(0x0801), new(0x1230, 3)];

    /// <summary>One signal per type, filled the way the machines fill them (M3uaSignal's factories), plus what only a peer sends.</summary>
    public static TheoryData<string> Names() => [.. Samples().Keys];

    private static Dictionary<string, M3uaSignal> Samples() => new()
    {
        ["ASPUP"] = M3uaSignal.AspUp(42),
        ["ASPUP no id"] = M3uaSignal.AspUp(null),
        ["ASPUP ACK"] = M3uaSignal.AspUpAck(42) with { Info = "sgp-1" },
        ["ASPDN"] = M3uaSignal.Of(M3uaMessageType.AspDn),
        ["ASPDN ACK"] = M3uaSignal.Of(M3uaMessageType.AspDnAck),
        ["BEAT"] = M3uaSignal.Heartbeat(M3uaMessageType.Beat, new byte[] { 0, 0, 0, 1, 0xde, 0xad, 0xbe }),
        ["BEAT ACK"] = M3uaSignal.Heartbeat(M3uaMessageType.BeatAck, new byte[] { 0, 0, 0, 1, 0xde, 0xad, 0xbe }),
        ["BEAT empty"] = M3uaSignal.Of(M3uaMessageType.Beat),
        ["ASPAC"] = M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, Contexts),
        ["ASPAC ACK"] = M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Loadshare, Contexts),
        ["ASPAC bare"] = M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.None, default),
        ["ASPIA"] = new M3uaSignal { Type = M3uaMessageType.AspIa, RoutingContexts = Contexts },
        ["ASPIA ACK"] = new M3uaSignal { Type = M3uaMessageType.AspIaAck, RoutingContexts = Contexts },
        ["NTFY"] = M3uaSignal.Notify(NtfyStatus.AsActive, Contexts),
        ["NTFY asp failure"] = M3uaSignal.Notify(NtfyStatus.AspFailure, Contexts, aspIdentifier: 3) with { Info = "ASP 3 lost" },
        ["ERR"] = M3uaSignal.Error(M3uaErrorCode.UnexpectedMessage),
        ["ERR rc"] = M3uaSignal.Error(M3uaErrorCode.InvalidRoutingContext, Contexts, networkAppearance: 8),
        ["ERR apc"] = M3uaSignal.Error(M3uaErrorCode.DestinationStatusUnknown, Contexts, Affected, 8),
        ["DAVA"] = M3uaSignal.Destinations(M3uaMessageType.Dava, Affected, Contexts, 8),
        ["DAUD"] = M3uaSignal.Destinations(M3uaMessageType.Daud, Affected),
        ["DUNA"] = M3uaSignal.Destinations(M3uaMessageType.Duna, Affected, Contexts) with { Info = "link set down" },
        ["DRST"] = M3uaSignal.Destinations(M3uaMessageType.Drst, Affected, networkAppearance: 2),
        ["SCON"] = M3uaSignal.Destinations(M3uaMessageType.Scon, Affected) with { ConcernedDestination = 0x0101, CongestionLevel = 2 },
        ["SCON itu"] = M3uaSignal.Destinations(M3uaMessageType.Scon, Affected),
        ["DUPU"] = M3uaSignal.Destinations(M3uaMessageType.Dupu, Affected) with { User = 5, Cause = UnavailabilityCause.InaccessibleRemoteUser },
        ["REG REQ"] = new M3uaSignal
        {
            Type = M3uaMessageType.RegReq,
            RoutingKeys = new RoutingKeyRequest[]
            {
                new(1, 0x0101, [5]),
                new(2, 0x0102, [5, 3], TrafficMode.Loadshare, RoutingContext: 40, NetworkAppearance: 8),
            },
        },
        ["REG RSP"] = new M3uaSignal
        {
            Type = M3uaMessageType.RegRsp,
            RegistrationResults = new RegistrationOutcome[] { new(1, M3uaRegistrationStatus.Success, 40), new(2, M3uaRegistrationStatus.PermissionDenied, 0) },
        },
        ["DEREG REQ"] = new M3uaSignal { Type = M3uaMessageType.DeregReq, RoutingContexts = Contexts },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_signal_survives_encode_and_decode(string name)
    {
        M3uaSignal sent = Samples()[name];
        Span<byte> buffer = stackalloc byte[M3uaSignalCodec.DefaultBufferSize];
        M3uaSignalResult encoded = M3uaSignalCodec.TryEncode(in sent, buffer, out int written);
        Assert.True(encoded.Succeeded, encoded.ToString());
        Assert.True(written <= M3uaSignalCodec.GetMaxEncodedLength(in sent));

        // What the codec itself reads: the type the signal names, and nothing it would refuse.
        var reader = new M3uaReader(buffer[..written]);
        Assert.Equal(M3uaError.None, reader.Error);
        Assert.Equal((ushort)sent.Type, (ushort)reader.MessageType);

        M3uaSignalResult decoded = M3uaSignalCodec.TryDecode(buffer[..written], out M3uaSignal received);
        Assert.True(decoded.Succeeded, decoded.ToString());
        SignalAssert.Same(sent, received);

        // The buffer-writer form writes the same octets and advances by them.
        var output = new ArrayBufferWriter<byte>();
        Assert.True(M3uaSignalCodec.TryEncode(in sent, output, out int written2).Succeeded);
        Assert.Equal(buffer[..written].ToArray(), output.WrittenSpan.ToArray());
        Assert.Equal(written, written2);
    }

    [Fact]
    public void Signals_that_cannot_be_sent_are_reported_not_thrown()
    {
        Span<byte> buffer = stackalloc byte[M3uaSignalCodec.DefaultBufferSize];
        Assert.Equal(M3uaSignalError.InvalidField, M3uaSignalCodec.TryEncode(M3uaSignal.Of(M3uaMessageType.Err), buffer, out _).Error);
        Assert.Equal(M3uaSignalError.InvalidField, M3uaSignalCodec.TryEncode(M3uaSignal.Of(M3uaMessageType.Ntfy), buffer, out _).Error);
        Assert.Equal(M3uaSignalError.UnsupportedSignal, M3uaSignalCodec.TryEncode(M3uaSignal.Of(M3uaMessageType.DeregRsp), buffer, out _).Error);
        Assert.Equal(M3uaSignalError.UnsupportedSignal, M3uaSignalCodec.TryEncode(M3uaSignal.Of((M3uaMessageType)0x0101), buffer, out _).Error);

        var tooFar = M3uaSignal.Destinations(M3uaMessageType.Dava, new PointCodeRange[] { new(0x0100_0000) });
        M3uaSignalResult pointCode = M3uaSignalCodec.TryEncode(in tooFar, buffer, out _);
        Assert.Equal((M3uaSignalError.InvalidField, (M3uaParameterTag?)M3uaParameterTag.AffectedPointCode), (pointCode.Error, pointCode.Parameter));

        // A mandatory list left empty: the writer's own check.
        M3uaSignalResult missing = M3uaSignalCodec.TryEncode(M3uaSignal.Of(M3uaMessageType.Duna), buffer, out int written);
        Assert.Equal((M3uaSignalError.EncodingFailed, M3uaError.MissingParameter, 0), (missing.Error, missing.CodecError, written));

        var congested = M3uaSignal.Destinations(M3uaMessageType.Scon, Affected) with { CongestionLevel = 4 };
        Assert.Equal(M3uaError.InvalidParameterValue, M3uaSignalCodec.TryEncode(in congested, buffer, out _).CodecError);

        M3uaSignalResult small = M3uaSignalCodec.TryEncode(M3uaSignal.AspUp(42), buffer[..10], out written);
        Assert.Equal((M3uaSignalError.EncodingFailed, M3uaError.DestinationTooSmall, 0), (small.Error, small.CodecError, written));
    }

    public static TheoryData<string> VectorNames() => M3uaVectors.Names(_ => true);

    /// <summary>
    /// Every vector: a management message the codec accepts becomes a signal of its class and type; DATA is left to the
    /// association; a refused one carries the codec's error and the Error Code to answer; and an accepted one re-encodes
    /// from the signal byte for byte unless it holds what a signal does not keep (Diagnostic Information).
    /// </summary>
    [Theory]
    [MemberData(nameof(VectorNames))]
    public void The_vectors_read_into_signals(string name)
    {
        byte[] bytes = M3uaVectors.Get(name).Bytes;
        var reader = new M3uaReader(bytes);
        M3uaSignalResult result = M3uaSignalCodec.TryDecode(bytes, out M3uaSignal signal);
        if (reader.Error != M3uaError.None)
        {
            Assert.Equal(M3uaSignalError.Malformed, result.Error);
            Assert.Equal((reader.Error, reader.ErrorCode, reader.ErrorOffset, reader.ErrorParameter), (result.CodecError, result.ErrorCode, result.Offset, result.Parameter));
            Assert.NotEqual(M3uaErrorCode.None, result.ErrorCode);
            return;
        }

        if (reader.MessageType == M3uaMessageType.Data)
        {
            Assert.Equal((M3uaSignalError.NotASignal, M3uaErrorCode.None), (result.Error, result.ErrorCode));
            return;
        }

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal((ushort)reader.MessageType, (ushort)signal.Type);
        if (!reader.TryFind(M3uaParameterTag.DiagnosticInformation, out _))
        {
            byte[] again = new byte[M3uaSignalCodec.GetMaxEncodedLength(in signal)];
            Assert.True(M3uaSignalCodec.TryEncode(in signal, again, out int written).Succeeded);
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(again, 0, written));
        }
    }

    [Fact]
    public void Vector_fields_land_in_the_signal()
    {
        M3uaSignal ntfy = Decode("gom3ua_notify_has_all_params");
        Assert.Equal((M3uaMessageType.Ntfy, NtfyStatus.AsActive, (uint?)2, "deadbeef"), (ntfy.Type, ntfy.Status, ntfy.AspIdentifier, ntfy.Info));
        Assert.Equal([1u], ntfy.RoutingContexts.ToArray());

        M3uaSignal err = Decode("gom3ua_error_has_all");
        Assert.Equal((M3uaMessageType.Err, M3uaErrorCode.InvalidVersion, (uint?)1), (err.Type, err.ErrorCode, err.NetworkAppearance));
        Assert.Equal([1u], err.RoutingContexts.ToArray());
        // The octets are 0x11111111 and 0x22222222: Wireshark shows the 24-bit point codes, the top octet is the mask.
        Assert.Equal([new PointCodeRange(1118481, 0x11), new PointCodeRange(2236962, 0x22)], err.AffectedPointCodes.ToArray());

        foreach ((string vector, M3uaMessageType type) in new[]
        {
            ("gom3ua_duna_has_all", M3uaMessageType.Duna), ("gom3ua_dava_has_all", M3uaMessageType.Dava),
            ("gom3ua_daud_has_all", M3uaMessageType.Daud), ("gom3ua_drst_has_all", M3uaMessageType.Drst),
            ("gom3ua_dupu_has_all", M3uaMessageType.Dupu),
        })
        {
            M3uaSignal ssnm = Decode(vector);
            Assert.Equal((type, (uint?)1, "deadbeef"), (ssnm.Type, ssnm.NetworkAppearance, ssnm.Info));
            Assert.Equal([2u], ssnm.RoutingContexts.ToArray());
            Assert.Equal([new PointCodeRange(3), new PointCodeRange(4)], ssnm.AffectedPointCodes.ToArray());
        }

        M3uaSignal dupu = Decode("gom3ua_dupu_has_all");
        Assert.Equal(UnavailabilityCause.UnequippedRemoteUser, dupu.Cause);

        M3uaSignal aspac = Decode("gom3ua_asp_active_has_all");
        Assert.Equal((M3uaMessageType.AspAc, TrafficMode.Loadshare, "deadbeef"), (aspac.Type, aspac.TrafficMode, aspac.Info));
        Assert.Equal([1u], aspac.RoutingContexts.ToArray());
        Assert.Equal(TrafficMode.None, Decode("gom3ua_asp_active_ack_has_rc").TrafficMode);
        Assert.Equal([1u], Decode("gom3ua_asp_inactive_ack_has_rc").RoutingContexts.ToArray());

        Assert.Equal((M3uaMessageType.AspUp, (uint?)1), (Decode("gom3ua_asp_up_has_all").Type, Decode("gom3ua_asp_up_has_all").AspIdentifier));
        Assert.Null(Decode("gom3ua_asp_up_ack_has_none").AspIdentifier);
        Assert.Equal(M3uaMessageType.AspDnAck, Decode("gom3ua_asp_down_ack_has_info").Type);

        Assert.Equal("DEADBEEF", Convert.ToHexString(Decode("gom3ua_heartbeat_has_all").HeartbeatData.Span));
        M3uaSignal jss7 = Decode("jss7_BEAT_ACK");
        Assert.Equal((M3uaMessageType.BeatAck, "000200000007AF3E7540031305071120"), (jss7.Type, Convert.ToHexString(jss7.HeartbeatData.Span)));
    }

    [Fact]
    public void Decoded_signals_do_not_view_the_input()
    {
        byte[] bytes = (byte[])M3uaVectors.Get("jss7_BEAT").Bytes.Clone();
        Assert.True(M3uaSignalCodec.TryDecode(bytes, out M3uaSignal beat).Succeeded);
        Array.Clear(bytes);
        Assert.Equal("000200000007AF3E7540031305071120", Convert.ToHexString(beat.HeartbeatData.Span));
    }

    private static M3uaSignal Decode(string vector)
    {
        M3uaSignalResult result = M3uaSignalCodec.TryDecode(M3uaVectors.Get(vector).Bytes, out M3uaSignal signal);
        Assert.True(result.Succeeded, vector + ": " + result);
        return signal;
    }
}
