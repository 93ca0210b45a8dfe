using System.Globalization;
using System.Security.Cryptography;

namespace Gateway.M3ua.Tests.Conformance;

/// <summary>
/// Every independent vector the codec accepts decodes to what Wireshark shows for it — class, type, every parameter's
/// tag, length and fields — and re-encodes to the same octets. The rows RFC 4666 forbids are refused with the Error
/// Code the RFC has the receiver send; Wireshark accepts most of them because it checks neither mandatory parameters
/// nor the values the RFC lists as valid.
/// </summary>
public sealed class VectorTests
{
    /// <summary>The refused rows: what the decoder reports, where, about which parameter, and why RFC 4666 says so.</summary>
    private static readonly Dictionary<string, (M3uaError Error, int Offset, M3uaParameterTag? Parameter, M3uaErrorCode Code)> Refused = new()
    {
        // Class 16: not an adaptation-layer class at all (its length also covers a parameter that overruns it, which
        // is what Wireshark trips on); the class is judged first, from the header.
        ["gom3ua_header_has_all"] = (M3uaError.UnsupportedMessageClass, 2, null, M3uaErrorCode.UnsupportedMessageClass),
        // Class 127 is no M3UA class (go-m3ua's "generic" message).
        ["gom3ua_generic_has_all"] = (M3uaError.UnsupportedMessageClass, 2, null, M3uaErrorCode.UnsupportedMessageClass),
        // DATA's Routing Context is one 32-bit value (§3.3.1, length 8): a payload belongs to one AS. This one has two.
        ["gom3ua_data_has_info"] = (M3uaError.InvalidParameterLength, 10, M3uaParameterTag.RoutingContext, M3uaErrorCode.ParameterFieldError),
        // ERR without its Error Code, NTFY without its Status, SCON without its Affected Point Code (§3.8.1, §3.8.2, §3.4.4).
        ["gom3ua_error_has_none"] = (M3uaError.MissingParameter, 8, M3uaParameterTag.ErrorCode, M3uaErrorCode.MissingParameter),
        ["gom3ua_notify_has_none"] = (M3uaError.MissingParameter, 8, M3uaParameterTag.Status, M3uaErrorCode.MissingParameter),
        ["gom3ua_scon_has_none"] = (M3uaError.MissingParameter, 8, M3uaParameterTag.AffectedPointCode, M3uaErrorCode.MissingParameter),
        // Congestion level 6: §3.4.4 lists 0-3 as the valid levels (Wireshark shows "Unknown (6)").
        ["gom3ua_scon_has_all"] = (M3uaError.InvalidParameterValue, 48, M3uaParameterTag.CongestionIndications, M3uaErrorCode.InvalidParameterValue),
    };

    public static TheoryData<string> Accepted => M3uaVectors.Names(v => !Refused.ContainsKey(v.Name));

    public static TheoryData<string> Rejected => M3uaVectors.Names(v => Refused.ContainsKey(v.Name));

    public static TheoryData<string> All => M3uaVectors.Names(_ => true);

    [Fact]
    public void The_copies_are_the_shared_vectors_byte_for_byte()
    {
        Assert.Equal(64, M3uaVectors.All.Count);
        Assert.Single(M3uaVectors.All, v => v.IsMalformed);
        byte[] tsv = File.ReadAllBytes(Path.Combine(M3uaVectors.Directory, "vectors.tsv"));
        Assert.Equal("8a782b0c36ff8dbb1974224c97a1cf1217c6f787d60373a949659620365e0c13", Convert.ToHexStringLower(SHA256.HashData(tsv)));
        foreach (var v in M3uaVectors.All) Assert.True(File.Exists(Path.Combine(M3uaVectors.Directory, "decoded", v.Name + ".txt")), v.Name);
        Assert.All(Refused.Keys, name => Assert.Contains(M3uaVectors.All, v => v.Name == name));
        Assert.Equal(57, M3uaVectors.All.Count(v => !Refused.ContainsKey(v.Name)));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Decodes_to_what_wireshark_shows_and_reencodes_byte_exact(string name)
    {
        var vector = M3uaVectors.Get(name);
        var wireshark = M3uaVectors.Decoded(name);
        var message = M3uaMessage.Decode(vector.Bytes);

        Assert.Equal((1, wireshark.MessageClass, wireshark.MessageType, vector.Bytes.Length), (wireshark.Version, (int)message.Class, (int)message.Type.GetTypeOctet(), wireshark.MessageLength));
        Assert.Equal(vector.Bytes, message.Encode());

        Assert.Equal(wireshark.Parameters.Count, message.Parameters.Count);
        for (int i = 0; i < message.Parameters.Count; i++)
        {
            var ours = message.Parameters[i];
            var theirs = wireshark.Parameters[i];
            Assert.Equal((theirs.Tag, theirs.Length), ((int)ours.Tag, ours.Value.Length + 4));
            AssertFields(ours, theirs);
        }

        // The zero-allocation path sees the same parameters as the message value.
        var reader = new M3uaReader(vector.Bytes);
        Assert.Equal(M3uaError.None, reader.Error);
        Assert.Equal(message.Parameters.Count, reader.ParameterCount);
        int index = 0;
        while (reader.Read())
        {
            Assert.Equal(message.Parameters[index].Tag, reader.Tag);
            Assert.True(message.Parameters[index++].Value.Span.SequenceEqual(reader.Value));
        }
        Assert.Equal(message.Parameters.Count, index);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Is_refused_with_the_error_code_rfc_4666_calls_for(string name)
    {
        var vector = M3uaVectors.Get(name);
        var expected = Refused[name];
        M3uaError error = M3uaMessage.TryDecode(vector.Bytes, out var message, out int offset, out var parameter);
        Assert.Null(message);
        Assert.Equal((expected.Error, expected.Offset, expected.Parameter), (error, offset, parameter));
        Assert.Equal(expected.Code, M3uaErrors.ToErrorCode(error));
        Assert.Equal(expected.Code, new M3uaReader(vector.Bytes).ErrorCode);
        var thrown = Assert.Throws<M3uaFormatException>(() => M3uaMessage.Decode(vector.Bytes));
        Assert.Equal(expected.Code, thrown.ErrorCode);

        // The ERR we would answer with carries the code and the whole offending message (all are under 256 octets);
        // an ERR itself is never answered, so that two peers cannot bounce ERRs off each other.
        var reply = M3uaErrorReply.ForDecodeFailure(vector.Bytes, error);
        if (vector.Bytes[2] == 0 && vector.Bytes[3] == 0)
        {
            Assert.Null(reply);
            reply = M3uaErrorReply.Create(M3uaErrors.ToErrorCode(error), vector.Bytes);
        }

        Assert.NotNull(reply);
        Assert.True(reply!.TryGet(out ErrorCode code));
        Assert.Equal(expected.Code, code.Code);
        Assert.True(reply.TryGet(out DiagnosticInformation diagnostic));
        Assert.Equal(vector.Bytes, diagnostic.Data.ToArray());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void The_parameter_framing_matches_wiresharks_for_every_row(string name)
    {
        // Even where the codec refuses the message, its framing walk finds the parameters Wireshark lists.
        var vector = M3uaVectors.Get(name);
        var wireshark = M3uaVectors.Decoded(name);
        var walker = new M3uaParameterReader(vector.Bytes.AsSpan(8), 8);
        var ours = new List<(int, int)>();
        while (walker.Read()) ours.Add(((int)walker.Tag, walker.Value.Length + 4));
        if (vector.IsMalformed)
        {
            // gom3ua_header_has_all: tag 0xdead, length 0xbeef in a 12-octet message.
            Assert.Equal((M3uaError.ParameterOverrun, 10), (walker.Error, walker.ErrorOffset));
            Assert.Equal((0xdead, 0xbeef), (wireshark.Parameters.Single().Tag, wireshark.Parameters.Single().Length));
            return;
        }

        Assert.Equal(M3uaError.None, walker.Error);
        Assert.Equal(wireshark.Parameters.Select(p => (p.Tag, p.Length)), ours);
    }

    [Fact]
    public void Data_has_none_is_a_data_with_protocol_data_and_nothing_else()
    {
        // go-m3ua's "has-none" means no optional parameter: its Protocol Data is there (tag 0x0210 at octet 8), so
        // RFC 4666 allows it. A DATA that really lacks Protocol Data is refused with Missing Parameter.
        var data = M3uaMessage.Decode(M3uaVectors.Get("gom3ua_data_has_none").Bytes);
        Assert.Equal(M3uaParameterTag.ProtocolData, data.Parameters.Single().Tag);

        byte[] withoutPayload = Convert.FromHexString("0100010100000010" + "0200000800000001");
        Assert.Equal(M3uaError.MissingParameter, M3uaMessage.TryDecode(withoutPayload, out _, out int offset, out var missing));
        Assert.Equal((16, (M3uaParameterTag?)M3uaParameterTag.ProtocolData), (offset, missing));
        Assert.Equal(M3uaErrorCode.MissingParameter, new M3uaReader(withoutPayload).ErrorCode);
    }

    [Fact]
    public void A_data_message_gives_its_label_fields_and_user_data_without_copying()
    {
        byte[] wire = M3uaVectors.Get("gom3ua_data_has_all").Bytes;
        var reader = new M3uaReader(wire);
        Assert.True(reader.TryGetProtocolData(out var header, out var userData));
        Assert.Equal((1u, 2u, (byte)Mtp3ServiceIndicator.Sccp, (byte)Mtp3NetworkIndicator.InternationalSpare, (byte)0, (byte)1),
            (header.OriginatingPointCode, header.DestinationPointCode, header.ServiceIndicator, header.NetworkIndicator, header.MessagePriority, header.SignallingLinkSelection));
        Assert.Equal("deadbeef", Convert.ToHexStringLower(userData));
        Assert.True(reader.TryGetRoutingContext(out uint context));
        Assert.Equal(1u, context);

        // The message value decoded from memory slices that memory: the user data is the caller's own octets.
        Assert.Equal(M3uaError.None, M3uaMessage.TryDecode(wire.AsMemory(), out var message, out _, out _));
        Assert.True(message!.TryGetProtocolData(out var data));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data.UserData, out var segment));
        Assert.Same(wire, segment.Array);
        Assert.Equal(wire.Length - 4, segment.Offset);
    }

    private static void AssertFields(M3uaParameter ours, WiresharkM3uaDecode.Parameter theirs)
    {
        long Word(int offset = 0) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ours.Value.Span[offset..]);
        switch (ours.Tag)
        {
            case M3uaParameterTag.RoutingContext:
                Assert.True(ours.TryGet(out RoutingContext rc));
                Assert.Equal(theirs.Numbers("Routing context"), rc.Values.Select(v => (long)v));
                break;
            case M3uaParameterTag.NetworkAppearance:
                Assert.True(ours.TryGet(out NetworkAppearance na));
                Assert.Equal(theirs.Numbers("Network appearance"), [na.Value]);
                break;
            case M3uaParameterTag.InfoString:
                Assert.True(ours.TryGet(out InfoString info));
                Assert.Equal(theirs.Texts("Info string"), [info.Text]);
                break;
            case M3uaParameterTag.TrafficModeType:
                Assert.True(ours.TryGet(out TrafficModeType tmt));
                Assert.Equal(theirs.Numbers("Traffic mode Type"), [(long)tmt.Mode]);
                break;
            case M3uaParameterTag.Status:
                Assert.True(ours.TryGet(out NotifyStatus status));
                Assert.Equal(theirs.Numbers("Status type"), [(long)status.Type]);
                Assert.Equal(theirs.Numbers("Status info"), [(long)status.Information]);
                Assert.Equal(M3uaAsState.Active, status.AsState);
                break;
            case M3uaParameterTag.AspIdentifier:
                Assert.True(ours.TryGet(out AspIdentifier asp));
                Assert.Equal(theirs.Numbers("ASP identifier"), [asp.Value]);
                break;
            case M3uaParameterTag.AffectedPointCode:
                Assert.True(ours.TryGet(out AffectedPointCode apc));
                Assert.Equal(theirs.Numbers("Mask"), apc.PointCodes.Select(p => (long)p.Mask));
                Assert.Equal(theirs.Numbers("Affected point code"), apc.PointCodes.Select(p => (long)p.PointCode));
                break;
            case M3uaParameterTag.ProtocolData:
                Assert.True(ours.TryGet(out ProtocolData pd));
                var h = pd.Header;
                Assert.Equal(
                    (theirs.Numbers("OPC").Single(), theirs.Numbers("DPC").Single(), theirs.Numbers("SI").Single(), theirs.Numbers("NI").Single(), theirs.Numbers("MP").Single(), theirs.Numbers("SLS").Single()),
                    ((long)h.OriginatingPointCode, (long)h.DestinationPointCode, (long)h.ServiceIndicator, (long)h.NetworkIndicator, (long)h.MessagePriority, (long)h.SignallingLinkSelection));
                // Wireshark heads the parameter with the user data's size: "Protocol data (SS7 message of 4 bytes)".
                Assert.Equal($"Protocol data (SS7 message of {pd.UserData.Length} bytes)", theirs.Heading);
                break;
            case M3uaParameterTag.HeartbeatData:
                Assert.True(ours.TryGet(out HeartbeatData beat));
                Assert.Equal(theirs.Texts("Heartbeat data"), [Convert.ToHexStringLower(beat.Data.Span)]);
                break;
            case M3uaParameterTag.ErrorCode:
                Assert.True(ours.TryGet(out ErrorCode code));
                Assert.Equal(theirs.Numbers("Error code"), [(long)code.Code]);
                break;
            case M3uaParameterTag.DiagnosticInformation:
                Assert.True(ours.TryGet(out DiagnosticInformation diagnostic));
                Assert.Equal(theirs.Texts("Diagnostic information"), [Convert.ToHexStringLower(diagnostic.Data.Span)]);
                break;
            case M3uaParameterTag.UserCause:
                Assert.True(ours.TryGet(out UserCause uc));
                Assert.Equal(theirs.Numbers("Unavailability cause"), [(long)uc.Cause]);
                Assert.Equal(theirs.Numbers("User Identity"), [(long)uc.User]);
                break;
            case M3uaParameterTag.ConcernedDestination:
                Assert.True(ours.TryGet(out ConcernedDestination cd));
                Assert.Equal(theirs.Numbers("Concerned DPC"), [(long)cd.PointCode]);
                break;
            case M3uaParameterTag.CongestionIndications:
                Assert.True(ours.TryGet(out CongestionIndications ci));
                Assert.Equal(theirs.Numbers("Congestion level"), [(long)ci.Level]);
                break;
            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no field check for {ours.Tag} ({Word()})"));
        }
    }
}
