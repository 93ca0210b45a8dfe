using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Gateway.Isup;
using Gateway.Isup.Tests.Conformance;
using Gateway.Isup.Tests.Properties;
using Gateway.Isup.Tests.Samples;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// Faults come back as results, never as exceptions: whatever a peer sends, and whatever signal the procedures
/// hand over, the bridge says what is wrong and where, so the daemon can count it and log it once.
/// </summary>
public sealed class SignalErrorTests
{
    private const int Cic = 9;

    [Theory]
    [InlineData(new byte[0], IsupError.Empty)]
    [InlineData(new byte[] { 0x01, 0x00 }, IsupError.Empty)]
    [InlineData(new byte[] { 0x01, 0x00, 0x0C, 0x02, 0x00, 0x05, 0x82 }, IsupError.LengthExceedsMessage)]
    [InlineData(new byte[] { 0x01, 0x00, 0x13, 0xFF }, IsupError.TrailingData)]
    [InlineData(new byte[] { 0x01, 0x00, 0x29, 0x01, 0x00 }, IsupError.InvalidParameterLength)]
    public void Malformed_bytes_are_reported_with_the_codec_reason(byte[] bytes, IsupError reason)
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode(bytes, out IsupSignal signal);
        Assert.Equal(IsupSignalError.Malformed, result.Error);
        Assert.Equal(reason, result.CodecError);
        Assert.InRange(result.Offset, 0, bytes.Length);
        Assert.Equal(default(IsupMessageType), signal.Type);
    }

    [Fact]
    public void The_fault_reads_as_one_log_line()
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode([0x01, 0x00, 0x0C, 0x02, 0x00, 0x05, 0x82], out _);
        Assert.Equal("malformed: parameter length exceeds the message at offset 5 (Cause indicators)", result.ToString());
        Assert.Equal("ok", IsupSignalResult.Success.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x00, 0x29, 0x01, 0x01, 0x1F })] // GRA without status
    [InlineData(new byte[] { 0x01, 0x00, 0x29, 0x01, 0x03, 0x1F, 0x00, 0x00 })] // GRA range 31: 4 status octets, not 2
    [InlineData(new byte[] { 0x01, 0x00, 0x18, 0x00, 0x01, 0x01, 0x03 })] // CGB without status
    [InlineData(new byte[] { 0x01, 0x00, 0x1B, 0x00, 0x01, 0x03, 0x03, 0x01, 0x01 })] // CGUA range 3: 1 status octet, not 2
    public void Group_messages_whose_status_the_procedures_cannot_read_are_refused(byte[] bytes)
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode(bytes, out _);
        Assert.Equal(IsupSignalError.InvalidParameter, result.Error);
        Assert.Equal(IsupParameterCode.RangeAndStatus, result.Parameter);
    }

    [Fact]
    public void A_status_field_where_q763_has_none_is_ignored()
    {
        // GRS range 3 with a stray status octet (wrong length for a status, too): the range is what GRS means.
        IsupSignal signal = SignalAssert.Decode([0x01, 0x00, 0x17, 0x01, 0x03, 0x03, 0xFF, 0xFF]);
        Assert.Equal(3, signal.Range);
        Assert.True(signal.Status.IsEmpty);
    }

    [Fact]
    public void A_payload_that_is_not_a_codec_message_is_refused()
    {
        Assert.Equal(IsupSignalError.UnsupportedMessage, Encode(IsupSignal.Call(IsupMessageType.ACM, Cic, "ACM")).Error);
    }

    [Fact]
    public void A_payload_of_another_type_is_refused()
    {
        Assert.Equal(IsupSignalError.MessageTypeMismatch, Encode(IsupSignal.Call(IsupMessageType.ACM, Cic, IsupSamples.Iam())).Error);
        Assert.Equal(IsupSignalError.MessageTypeMismatch, Encode(IsupSignal.Release(Cic, new IsupCause(16), IsupSamples.Iam())).Error);
    }

    [Fact]
    public void A_call_message_without_its_payload_is_refused()
    {
        IsupSignalResult result = Encode(IsupSignal.Call(IsupMessageType.ACM, Cic, null));
        Assert.Equal(IsupSignalError.MissingMessage, result.Error);
        Assert.Equal(IsupParameterCode.BackwardCallIndicators, result.Parameter);
        Assert.Equal(IsupSignalError.MissingMessage, Encode(IsupSignal.Of((IsupMessageType)0x70, Cic)).Error);
    }

    [Fact]
    public void Fields_that_cannot_be_encoded_are_refused()
    {
        Assert.Equal(IsupSignalError.InvalidField, Encode(IsupSignal.Of(IsupMessageType.REL, Cic)).Error); // no cause
        Assert.Equal(IsupSignalError.InvalidField, Encode(IsupSignal.Release(Cic, new IsupCause(128))).Error);
        Assert.Equal(IsupSignalError.InvalidField, Encode(IsupSignal.Confusion(Cic, new IsupCause(97, (CauseLocation)16))).Error);
        Assert.Equal(IsupSignalError.InvalidField, Encode(IsupSignal.GroupQueryResponse(Cic, 3, new byte[] { 0x0F })).Error);
        Assert.Equal(IsupSignalError.InvalidField,
            Encode(IsupSignal.GroupSupervision(IsupMessageType.CGB, Cic, (CircuitGroupSupervisionType)4, 1, CircuitStatusBits.FirstCircuits(2))).Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4096)]
    public void A_cic_beyond_12_bits_is_refused(int cic)
    {
        Assert.Equal(IsupError.InvalidCic, Encode(IsupSignal.Of(IsupMessageType.BLO, cic)).CodecError);
        Assert.Equal(IsupError.InvalidCic, Encode(IsupSignal.Call(IsupMessageType.IAM, cic, IsupSamples.Iam())).CodecError);
    }

    [Fact]
    public void A_destination_too_small_is_reported_and_nothing_is_advanced()
    {
        var small = new byte[10];
        Assert.Equal(IsupError.DestinationTooSmall, IsupSignalCodec.TryEncode(IsupSignal.Call(IsupMessageType.IAM, Cic, IsupSamples.Iam()), small, out int written).CodecError);
        Assert.Equal(0, written);
        Assert.Equal(IsupError.DestinationTooSmall, IsupSignalCodec.TryEncode(IsupSignal.GroupReset(Cic, 4), small.AsSpan(0, 4), out _).CodecError);

        var output = new ArrayBufferWriter<byte>();
        Assert.False(IsupSignalCodec.TryEncode(IsupSignal.Release(Cic, new IsupCause(200)), output, out _).Succeeded);
        Assert.Equal(0, output.WrittenCount);
        Assert.True(IsupSignalCodec.TryEncode(IsupSignal.Of(IsupMessageType.BLO, Cic), output, out written).Succeeded);
        Assert.Equal(3, written);
        Assert.Equal(new byte[] { Cic, 0x00, (byte)IsupMessageType.BLO }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_payload_the_codec_cannot_lay_out_is_refused()
    {
        var noCalledNumber = new IsupMessage(IsupMessageType.IAM)
            .Add(new NatureOfConnectionIndicators())
            .Add(new ForwardCallIndicators())
            .Add(new CallingPartysCategory(CallingPartyCategoryValue.OrdinarySubscriber))
            .Add(new TransmissionMediumRequirement(TransmissionMedium.Speech));
        IsupSignalResult result = Encode(IsupSignal.Call(IsupMessageType.IAM, Cic, noCalledNumber));
        Assert.Equal(IsupSignalError.EncodingFailed, result.Error);
        Assert.Equal(IsupError.MandatoryParameterMissing, result.CodecError);

        // Optional parameters on a message without an optional part: refused before the writer sees them.
        var rsc = new IsupMessage(IsupMessageType.RSC).AddOptional(IsupParameterCode.AutomaticCongestionLevel, new byte[] { 1 });
        result = Encode(IsupSignal.Call(IsupMessageType.RSC, Cic, rsc));
        Assert.Equal(IsupError.ParameterNotAllowed, result.CodecError);
    }

    [Fact]
    public void The_encoding_sink_counts_and_reports_what_it_cannot_encode_and_sends_the_rest()
    {
        var output = new RecordingUserDataSink();
        var sink = new IsupSignalEncodingSink(output);
        sink.Send(2, IsupSignal.Call(IsupMessageType.ACM, Cic, "not a message"));
        sink.Send(2, IsupSignal.Of(IsupMessageType.BLO, Cic));

        Assert.Equal(1, sink.Failures);
        var failure = Assert.Single(output.Failed);
        Assert.Equal(IsupSignalError.UnsupportedMessage, failure.Result.Error);
        Assert.Equal(IsupMessageType.ACM, failure.Signal.Type);
        var sent = Assert.Single(output.Sent);
        Assert.Equal(2, sent.Dpc);
        Assert.Equal(new byte[] { Cic, 0x00, (byte)IsupMessageType.BLO }, sent.UserData);
    }

    [Fact]
    public void The_encoding_sink_sends_a_message_longer_than_an_mtp3_frame()
    {
        // M3UA carries more than a narrowband link: a long message goes out through a pooled buffer.
        IsupMessage iam = IsupSamples.Iam(cic: null);
        for (int i = 0; i < 3; i++)
        {
            iam.Add(IsupParameterCode.AccessTransport, Enumerable.Repeat((byte)0x9C, 100).ToArray()); // whole single-octet IEs
        }

        var output = new RecordingUserDataSink();
        var sink = new IsupSignalEncodingSink(output);
        sink.Send(2, IsupSignal.Call(IsupMessageType.IAM, Cic, iam));

        Assert.Equal(0, sink.Failures);
        byte[] sent = Assert.Single(output.Sent).UserData;
        Assert.True(sent.Length > IsupSignalCodec.DefaultBufferSize);
        SignalAssert.SameContent(iam, Assert.IsType<IsupMessage>(SignalAssert.Decode(sent).Message));
    }

    [Fact]
    public void Random_octets_never_throw()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(MessageGenerators.Octets(0, 60).ToArbitrary(), DecodeAndEncodeSafely));
    }

    [Fact]
    public void Damaged_valid_messages_never_throw()
    {
        byte[][] seeds = IsupSamples.All().Select(m => m.Encode())
            .Concat(IsupVectors.All.Where(v => v.Form == IsupBodyForm.Mtp3UserData).Select(v => v.Bytes)).ToArray();
        var damaged = from seed in Gen.Elements(seeds)
                      from at in Gen.Choose(0, 300)
                      from value in MessageGenerators.Octet
                      from cut in Gen.Choose(0, 300)
                      select Damage(seed, at, value, cut);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000), Prop.ForAll(damaged.ToArbitrary(), DecodeAndEncodeSafely));
    }

    [Fact]
    public void Generated_messages_of_every_type_decode_or_are_refused_with_a_reason()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(MessageGenerators.Message.ToArbitrary(), message =>
        {
            if (message.Cic is null)
            {
                return;
            }

            IsupSignalResult result = IsupSignalCodec.TryDecode(message.Encode(), out IsupSignal signal);
            // The generator fills range and status with any octets: a status that does not fit its range is the only refusal.
            Assert.True(result.Succeeded || result.Error == IsupSignalError.InvalidParameter, result.ToString());
            if (result.Succeeded)
            {
                Assert.Equal(message.Type, signal.Type);
                Assert.Equal(message.Cic, signal.Cic);
            }
        }));
    }

    private static void DecodeAndEncodeSafely(byte[] bytes)
    {
        IsupSignalResult decoded = IsupSignalCodec.TryDecode(bytes, out IsupSignal signal);
        Assert.True(decoded.Succeeded || decoded.Offset <= bytes.Length);
        if (decoded.Succeeded)
        {
            // Whatever came in can be handed back to the encoder without an exception (a fault at most).
            IsupSignalCodec.TryEncode(in signal, new byte[IsupSignalCodec.DefaultBufferSize], out _);
        }
    }

    private static byte[] Damage(byte[] seed, int at, byte value, int cut)
    {
        byte[] bytes = (byte[])seed.Clone();
        if (bytes.Length > 0)
        {
            bytes[at % bytes.Length] = value;
        }

        return cut % 3 == 0 ? bytes[..(cut % (bytes.Length + 1))] : bytes;
    }

    private static IsupSignalResult Encode(in IsupSignal signal) =>
        IsupSignalCodec.TryEncode(in signal, new byte[IsupSignalCodec.DefaultBufferSize], out _);
}
