namespace Gateway.M3ua.Tests.Codec;

/// <summary>
/// Every defect the decoder knows, each with the offset, the parameter and the RFC 4666 Error Code the peer is to be
/// sent. Messages are written out in hex, header first, so each case shows the octets it is about.
/// </summary>
public sealed class DecodeErrorTests
{
    private static (M3uaError Error, int Offset, M3uaParameterTag? Parameter, M3uaErrorCode Code) Decode(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex.Replace(" ", ""));
        M3uaError error = M3uaMessage.TryDecode(bytes, out var message, out int offset, out var parameter);
        Assert.Equal(error == M3uaError.None, message is not null);
        var reader = new M3uaReader(bytes);
        Assert.Equal((error, offset, parameter), (reader.Error, reader.ErrorOffset, reader.ErrorParameter));
        return (error, offset, parameter, reader.ErrorCode);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("01000301", 4)]
    [InlineData("01000301000000", 7)]
    public void Fewer_than_8_octets_is_a_protocol_error(string hex, int offset) =>
        Assert.Equal((M3uaError.Truncated, offset, null, M3uaErrorCode.ProtocolError), Decode(hex));

    [Theory]
    [InlineData("02000301 00000008")]
    [InlineData("00000301 00000008")]
    [InlineData("ff000301 00000008")]
    public void A_version_other_than_1_is_invalid_version(string hex) =>
        Assert.Equal((M3uaError.InvalidVersion, 0, null, M3uaErrorCode.InvalidVersion), Decode(hex));

    [Theory]
    [InlineData("01000301 00000007")] // below the header's own 8 octets
    [InlineData("01000301 00000000")]
    [InlineData("01000301 0000000c")] // claims 12, has 8
    [InlineData("01000301 00000008 00000000")] // claims 8, has 12
    [InlineData("01000301 ffffffff")] // claims 4 GB: refused before anything is allocated or waited for
    [InlineData("01000301 80000008")]
    public void A_length_field_that_is_not_the_message_length_is_a_protocol_error(string hex) =>
        Assert.Equal((M3uaError.MessageLengthMismatch, 4, null, M3uaErrorCode.ProtocolError), Decode(hex));

    [Theory]
    [InlineData(5)] // IUA
    [InlineData(6)] // M2UA
    [InlineData(7)] // SUA
    [InlineData(8)] // SUA
    [InlineData(10)] // M2UA
    [InlineData(16)]
    [InlineData(127)]
    [InlineData(255)]
    public void A_class_m3ua_does_not_use_is_unsupported_message_class(int messageClass) =>
        Assert.Equal((M3uaError.UnsupportedMessageClass, 2, null, M3uaErrorCode.UnsupportedMessageClass), Decode($"0100{messageClass:x2}01 00000008"));

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 0)]
    [InlineData(2, 7)]
    [InlineData(3, 0)]
    [InlineData(3, 7)]
    [InlineData(4, 5)]
    [InlineData(9, 0)]
    [InlineData(9, 5)]
    [InlineData(9, 255)]
    public void A_type_the_class_does_not_define_is_unsupported_message_type(int messageClass, int type) =>
        Assert.Equal((M3uaError.UnsupportedMessageType, 3, null, M3uaErrorCode.UnsupportedMessageType), Decode($"0100{messageClass:x2}{type:x2} 00000008"));

    [Fact]
    public void The_version_is_judged_before_the_length_and_the_length_before_the_class() =>
        Assert.Equal(M3uaError.InvalidVersion, Decode("02007f7f 00000009").Error);

    [Theory]
    // One to three octets after the last parameter: no room for a tag and a length.
    [InlineData("01000302 00000009 00", M3uaError.ParameterTruncated, 8)]
    [InlineData("01000302 0000000b 000400", M3uaError.ParameterTruncated, 8)]
    // A length below 4 cannot even cover the tag and length it counts.
    [InlineData("01000302 0000000c 00040003", M3uaError.ParameterLengthTooShort, 10)]
    [InlineData("01000302 0000000c 00040000", M3uaError.ParameterLengthTooShort, 10)]
    // A length past the end of the message.
    [InlineData("01000302 00000010 0004000d 61626364", M3uaError.ParameterOverrun, 10)]
    [InlineData("01000302 00000010 0004ffff 61626364", M3uaError.ParameterOverrun, 10)]
    public void Broken_parameter_framing_is_a_parameter_field_error(string hex, M3uaError error, int offset) =>
        Assert.Equal((error, offset, null, M3uaErrorCode.ParameterFieldError), Decode(hex));

    [Theory]
    // Network Appearance is 32 bits.
    [InlineData("01000101 00000010 02000007 000001 00", M3uaParameterTag.NetworkAppearance, 10)]
    // Routing Context: a non-empty multiple of 4 (ASPAC may carry several).
    [InlineData("01000401 00000010 00060006 00010000", M3uaParameterTag.RoutingContext, 10)]
    [InlineData("01000401 0000000c 00060004", M3uaParameterTag.RoutingContext, 10)]
    // DATA's Routing Context is one value (RFC 4666 §3.3.1): a payload belongs to one AS.
    [InlineData("01000101 00000028 0006000c 00000001 00000002 02100014 00000001 00000002 05020001 00010203", M3uaParameterTag.RoutingContext, 10)]
    // Protocol Data shorter than its 12-octet label.
    [InlineData("01000101 00000014 0210000c 00000001 00000002", M3uaParameterTag.ProtocolData, 10)]
    // Affected Point Code of 6 octets.
    [InlineData("01000201 00000014 0012000a 00000001 0002 0000", M3uaParameterTag.AffectedPointCode, 10)]
    public void A_known_parameter_of_a_length_rfc_4666_does_not_allow_is_a_parameter_field_error(string hex, M3uaParameterTag tag, int offset) =>
        Assert.Equal((M3uaError.InvalidParameterLength, offset, tag, M3uaErrorCode.ParameterFieldError), Decode(hex));

    [Fact]
    public void An_info_string_over_255_octets_is_a_parameter_field_error()
    {
        string info = "0004" + 260.ToString("x4") + new string('a', 2 * 256);
        Assert.Equal((M3uaError.InvalidParameterLength, 10, M3uaParameterTag.InfoString, M3uaErrorCode.ParameterFieldError), Decode("01000302" + (8 + 260).ToString("x8") + info));
        string max = "0004" + 259.ToString("x4") + new string('a', 2 * 255) + "00";
        Assert.Equal(M3uaError.None, Decode("01000302" + (8 + 260).ToString("x8") + max).Error);
    }

    [Theory]
    // SI 16: no MTP3 service indicator (4 bits).
    [InlineData("01000101 00000020 02100018 00000001 00000002 10020001 00010203 04050607", 24)]
    // NI 4 and MP 4: the SIO has two bits for each.
    [InlineData("01000101 00000020 02100018 00000001 00000002 05040001 00010203 04050607", 24)]
    [InlineData("01000101 00000020 02100018 00000001 00000002 05020401 00010203 04050607", 24)]
    public void A_label_that_no_sio_can_hold_is_an_invalid_parameter_value(string hex, int offset) =>
        Assert.Equal((M3uaError.InvalidParameterValue, offset - 12, M3uaParameterTag.ProtocolData, M3uaErrorCode.InvalidParameterValue), Decode(hex));

    [Theory]
    [InlineData("00000000")]
    [InlineData("00000004")]
    [InlineData("01000002")]
    public void A_traffic_mode_other_than_the_three_is_unsupported_traffic_mode_type(string mode) =>
        Assert.Equal((M3uaError.UnsupportedTrafficMode, 12, M3uaParameterTag.TrafficModeType, M3uaErrorCode.UnsupportedTrafficModeType), Decode("01000401 00000010 000b0008" + mode));

    [Fact]
    public void A_congestion_level_above_3_is_an_invalid_parameter_value()
    {
        const string scon = "01000204 00000018 0012 0008 00000005 0205 0008 000000";
        Assert.Equal((M3uaError.InvalidParameterValue, 20, M3uaParameterTag.CongestionIndications, M3uaErrorCode.InvalidParameterValue), Decode(scon + "04"));
        Assert.Equal(M3uaError.None, Decode(scon + "03").Error);
        // The reserved octets are ignored.
        Assert.Equal(M3uaError.None, Decode("01000204 00000018 0012 0008 00000005 0205 0008 ffffff02").Error);
    }

    [Theory]
    // Protocol Data in ASPUP, Heartbeat Data in DATA, Error Code in NTFY, Routing Key in ASPAC.
    [InlineData("01000301 00000018 02100010 00000001 00000002 05020001", M3uaParameterTag.ProtocolData)]
    [InlineData("01000101 00000024 00090008 01020304 02100014 00000001 00000002 05020001 00010203", M3uaParameterTag.HeartbeatData)]
    [InlineData("01000001 00000018 000c0008 00000001 000d0008 00010003", M3uaParameterTag.ErrorCode)]
    [InlineData("01000401 00000014 0207000c 020a0008 00000001", M3uaParameterTag.RoutingKey)]
    public void A_known_parameter_the_message_does_not_carry_is_unexpected(string hex, M3uaParameterTag tag) =>
        Assert.Equal((M3uaError.UnexpectedParameter, 8, tag, M3uaErrorCode.UnexpectedParameter), Decode(hex));

    [Fact]
    public void A_parameter_that_may_appear_once_appearing_twice_is_unexpected() =>
        Assert.Equal((M3uaError.DuplicateParameter, 16, M3uaParameterTag.AspIdentifier, M3uaErrorCode.UnexpectedParameter),
            Decode("01000301 00000018 00110008 00000001 00110008 00000002"));

    [Theory]
    // NTFY without Status, DUPU without User/Cause, REG REQ with nothing, DEREG REQ without Routing Context, DEREG RSP
    // with only a parameter the codec does not know (passed over, so it cannot stand in for the result).
    [InlineData("01000001 00000010 00110008 00000001", M3uaParameterTag.Status, 16)]
    [InlineData("01000205 00000010 00120008 00000005", M3uaParameterTag.UserCause, 16)]
    [InlineData("01000901 00000008", M3uaParameterTag.RoutingKey, 8)]
    [InlineData("01000903 00000008", M3uaParameterTag.RoutingContext, 8)]
    [InlineData("01000904 00000010 77770008 61626364", M3uaParameterTag.DeregistrationResult, 16)]
    public void A_missing_mandatory_parameter_is_missing_parameter(string hex, M3uaParameterTag tag, int offset) =>
        Assert.Equal((M3uaError.MissingParameter, offset, tag, M3uaErrorCode.MissingParameter), Decode(hex));

    [Theory]
    // A Routing Key without its Destination Point Code: the defect is inside the group, reported at the group's end.
    [InlineData("01000901 00000014 0207000c 020a0008 00000001", M3uaError.MissingParameter, 20, M3uaParameterTag.DestinationPointCode)]
    // A Registration Result without its Routing Context.
    [InlineData("01000902 0000001c 02080014 020a0008 00000001 02120008 00000000", M3uaError.MissingParameter, 28, M3uaParameterTag.RoutingContext)]
    // Protocol Data inside a Routing Key.
    [InlineData("01000901 00000024 0207001c 020a0008 00000001 020b0008 00000005 02100008 00000001", M3uaError.UnexpectedParameter, 28, M3uaParameterTag.ProtocolData)]
    // A Routing Key whose content overruns it.
    [InlineData("01000901 00000014 0207000c 020a0010 00000001", M3uaError.ParameterOverrun, 14, M3uaParameterTag.RoutingKey)]
    // A traffic mode of 9 inside a Routing Key.
    [InlineData("01000901 00000024 0207001c 020a0008 00000001 000b0008 00000009 020b0008 00000005", M3uaError.UnsupportedTrafficMode, 24, M3uaParameterTag.TrafficModeType)]
    public void Group_parameters_are_checked_inside_against_their_own_format(string hex, M3uaError error, int offset, M3uaParameterTag tag) =>
        Assert.Equal((error, offset, tag, M3uaErrors.ToErrorCode(error)), Decode(hex));

    [Fact]
    public void A_parameter_length_of_zero_in_a_group_is_a_field_error_not_a_loop() =>
        Assert.Equal(M3uaError.ParameterLengthTooShort, Decode("01000901 00000010 02070008 020a0000").Error);

    [Fact]
    public void Conditional_parameters_are_not_required_by_the_codec()
    {
        // ERR with its Error Code only: the Routing Context is mandatory only for an Invalid Routing Context error,
        // which the procedures know, not the codec.
        Assert.Equal(M3uaError.None, Decode("01000000 00000010 000c0008 00000019").Error);
        // DATA without Routing Context.
        Assert.Equal(M3uaError.None, Decode("01000101 00000018 02100010 00000001 00000002 05020001").Error);
    }

    [Fact]
    public void The_exception_says_what_where_and_which_error_code_is_owed()
    {
        var e = Assert.Throws<M3uaFormatException>(() => M3uaMessage.Decode(Convert.FromHexString("0100000100000010001100080000000" + "1")));
        Assert.Equal("mandatory parameter missing (Status, tag 0x000d) at octet 16; ERR Missing Parameter (0x16)", e.Message);
        Assert.Equal((M3uaError.MissingParameter, 16, (M3uaParameterTag?)M3uaParameterTag.Status, M3uaErrorCode.MissingParameter), (e.Error, e.Offset, e.Parameter, e.ErrorCode));
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Every_decode_defect_has_an_error_code_and_no_encode_defect_has_one()
    {
        foreach (var error in Enum.GetValues<M3uaError>())
        {
            bool encodeOnly = error is M3uaError.None or M3uaError.DestinationTooSmall or M3uaError.ParameterTooLong;
            Assert.Equal(encodeOnly, M3uaErrors.ToErrorCode(error) == M3uaErrorCode.None);
            Assert.NotEqual("invalid M3UA message", M3uaErrors.Describe(error));
        }

        foreach (var code in Enum.GetValues<M3uaErrorCode>())
        {
            Assert.True(code == M3uaErrorCode.None || M3uaErrorCodes.GetName(code) != "unknown", code.ToString());
        }
    }
}
