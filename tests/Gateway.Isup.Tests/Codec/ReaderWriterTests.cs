using System.Buffers;
using Gateway.Isup.Tests.Samples;

namespace Gateway.Isup.Tests.Codec;

public sealed class ReaderWriterTests
{
    [Fact]
    public void The_cic_is_12_bits_little_endian_and_its_spare_bits_are_kept()
    {
        var reader = new IsupReader(Convert.FromHexString("3ca512"), IsupBodyForm.Mtp3UserData);
        Assert.Equal((0x53C, (byte)0xA, IsupMessageType.RSC), (reader.Cic, reader.CicSpareBits, reader.MessageType));
        var message = IsupMessage.Decode(Convert.FromHexString("3ca512"), IsupBodyForm.Mtp3UserData);
        Assert.Equal("3ca512", Convert.ToHexStringLower(message.Encode()));
        Assert.Equal("3c0512", Convert.ToHexStringLower(new IsupMessage(IsupMessageType.RSC, 0x53C).Encode()));
    }

    [Fact]
    public void An_application_isup_body_has_no_cic()
    {
        var reader = new IsupReader(Convert.FromHexString("0c020002839f"), IsupBodyForm.ApplicationIsup);
        Assert.False(reader.HasCic);
        Assert.Equal(IsupMessageType.REL, reader.MessageType);
        Assert.True(reader.Read());
        Assert.Equal((IsupParameterCode.CauseIndicators, IsupParameterKind.MandatoryVariable, "839f"), (reader.ParameterCode, reader.ParameterKind, Convert.ToHexStringLower(reader.ParameterValue)));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Unknown_optional_parameters_are_kept_and_written_back()
    {
        // CPG alerting with an unknown parameter 0xFE between two known ones.
        byte[] wire = Convert.FromHexString("2c0101" + "2901" + "01" + "fe03aabbcc" + "2c01fa" + "00");
        var message = IsupMessage.Decode(wire, IsupBodyForm.ApplicationIsup);
        var unknown = message.Parameters[2];
        Assert.Equal(((IsupParameterCode)0xFE, false, "aabbcc"), (unknown.Code, unknown.IsKnown, Convert.ToHexStringLower(unknown.Value.Span)));
        Assert.Equal(wire, message.Encode());
    }

    [Fact]
    public void An_unknown_message_type_is_carried_whole_and_can_be_read_as_optional_part_only()
    {
        // Type 0x7A is not assigned: Q.764 §2.9.5.3 looks for its message compatibility information in an optional part.
        byte[] wire = Convert.FromHexString("05007a" + "01" + "380181" + "00");
        var message = IsupMessage.Decode(wire, IsupBodyForm.Mtp3UserData);
        Assert.False(IsupMessageFormats.IsKnown(message.Type));
        Assert.Empty(message.Parameters);
        Assert.Equal("0138018100", Convert.ToHexStringLower(message.UnparsedBody.Span));
        Assert.Equal(wire, message.Encode());

        var reader = new IsupReader(wire, IsupBodyForm.Mtp3UserData, IsupMessageFormat.OptionalPartOnly);
        Assert.True(reader.TryFind(IsupParameterCode.MessageCompatibilityInformation, out var mci));
        Assert.Equal("81", Convert.ToHexStringLower(mci));
    }

    [Fact]
    public void The_writer_lays_out_fixed_pointers_variable_and_optional_parts()
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new IsupWriter(buffer, IsupMessageType.REL, cic: 7);
        writer.Write(new CauseIndicators(17, CauseLocation.User));
        writer.WriteOptional(IsupParameterCode.AutomaticCongestionLevel, [0x01]);
        int length = writer.Complete();
        Assert.Equal("07000c" + "0204" + "028091" + "270101" + "00", Convert.ToHexStringLower(buffer[..length]));
    }

    [Fact]
    public void The_writer_refuses_calls_out_of_order_and_reports_bad_data_without_throwing()
    {
        byte[] buffer = new byte[64];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new IsupWriter(buffer, IsupMessageType.IAM, 1);
            w.WriteParameter(IsupParameterCode.CalledPartyNumber, [0x03, 0x10, 0x21]);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var w = new IsupWriter(buffer, IsupMessageType.BLO, 1);
            w.WriteOptional(IsupParameterCode.HopCounter, [1]);
        });

        var missing = new IsupWriter(buffer, IsupMessageType.REL, 1);
        Assert.False(missing.TryComplete(out _));
        Assert.Equal((IsupError.MandatoryParameterMissing, (IsupParameterCode?)IsupParameterCode.CauseIndicators), (missing.Error, missing.ErrorParameter));

        var badLength = new IsupWriter(buffer, IsupMessageType.ACM, 1);
        badLength.WriteParameter(IsupParameterCode.BackwardCallIndicators, [0x16]);
        Assert.False(badLength.TryComplete(out _));
        Assert.Equal(IsupError.InvalidParameterLength, badLength.Error);

        var small = new IsupWriter(new byte[5], IsupMessageType.REL, 1);
        small.Write(new CauseIndicators(16, CauseLocation.User));
        Assert.False(small.TryComplete(out _));
        Assert.Equal(IsupError.DestinationTooSmall, small.Error);

        var cic = new IsupWriter(buffer, IsupMessageType.RLC, 4096);
        Assert.False(cic.TryComplete(out _));
        Assert.Equal(IsupError.InvalidCic, cic.Error);
    }

    [Fact]
    public void A_pointer_past_255_octets_is_too_long_for_one_octet()
    {
        var message = new IsupMessage(IsupMessageType.IAM, 1);
        var iam = IsupSamples.Iam();
        foreach (var p in iam.Parameters.Where(p => p.Kind != IsupParameterKind.Optional)) message.Add(p);
        // 20 optional parameters are fine: only the pointer to the first one must stay within 255.
        for (int i = 0; i < 20; i++) message.AddOptional((IsupParameterCode)0x9E, new byte[100]);
        Assert.Equal(IsupError.None, message.TryEncode(new byte[4096], out _));

        var usr = new IsupMessage(IsupMessageType.CQR, 1).Add(new RangeAndStatus(1)).Add(IsupParameterCode.CircuitStateIndicator, new byte[255]);
        Assert.Equal(IsupError.None, usr.TryEncode(new byte[4096], out _));
        var tooFar = new IsupMessage(IsupMessageType.CQR, 1).Add(IsupParameterCode.RangeAndStatus, new byte[] { 1, 3 }).Add(IsupParameterCode.CircuitStateIndicator, new byte[255]);
        Assert.Equal(IsupError.None, tooFar.TryEncode(new byte[4096], out _));
        var value256 = new IsupMessage(IsupMessageType.USR, 1).Add(IsupParameterCode.UserToUserInformation, new byte[256]);
        Assert.Equal(IsupError.InvalidParameterLength, value256.TryEncode(new byte[4096], out _));
    }

    [Fact]
    public void Encoding_a_message_checks_its_parameters_against_its_format()
    {
        Assert.Equal(IsupError.MandatoryParameterMissing, new IsupMessage(IsupMessageType.IAM, 1).TryEncode(new byte[64], out _));
        var optionalInBlo = new IsupMessage(IsupMessageType.BLO, 1).Add(new HopCounter(3));
        Assert.Equal(IsupError.ParameterNotAllowed, optionalInBlo.TryEncode(new byte[64], out _));
        var twoCauses = new IsupMessage(IsupMessageType.REL, 1).Add(new CauseIndicators(16, CauseLocation.User));
        twoCauses.Add(new IsupParameter(IsupParameterCode.CauseIndicators, IsupParameterKind.MandatoryVariable, new byte[] { 0x80, 0x90 }));
        Assert.Equal(IsupError.ParameterNotAllowed, twoCauses.TryEncode(new byte[64], out _));
        Assert.Throws<IsupFormatException>(() => new IsupMessage(IsupMessageType.REL).Encode());
    }

    [Fact]
    public void A_second_parameter_of_a_mandatory_code_is_added_as_optional()
    {
        // CPG: event information is mandatory; backward call indicators are optional there (but mandatory in ACM).
        var cpg = new IsupMessage(IsupMessageType.CPG).Add(new EventInformation(EventIndicator.Progress)).Add(new BackwardCallIndicators(0x16, 0x01));
        Assert.Equal(IsupParameterKind.Optional, cpg.Parameters[1].Kind);
        Assert.Equal("2c020111021601" + "00", Convert.ToHexStringLower(cpg.Encode()));
    }

    [Fact]
    public void A_buffer_writer_receives_exactly_the_message()
    {
        var output = new ArrayBufferWriter<byte>();
        int written = IsupSamples.Iam().Encode(output);
        Assert.Equal(IsupSamples.Iam().Encode(), output.WrittenSpan.ToArray());
        Assert.Equal(written, output.WrittenCount);

        var second = new ArrayBufferWriter<byte>();
        var writer = new IsupWriter(second, IsupMessageType.RLC, 9);
        Assert.True(writer.TryComplete(out int length));
        Assert.Equal("09001000", Convert.ToHexStringLower(second.WrittenSpan));
        Assert.Equal(4, length);
    }

    [Fact]
    public void Reading_and_writing_allocate_nothing()
    {
        byte[] wire = IsupSamples.Iam().Encode();
        byte[] buffer = new byte[300];
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run()
        {
            var reader = new IsupReader(wire, IsupBodyForm.Mtp3UserData);
            var writer = new IsupWriter(buffer, reader.MessageType, reader.Cic);
            while (reader.Read()) writer.WriteParameter(reader.ParameterCode, reader.ParameterValue);
            if (!writer.TryComplete(out int n) || n != wire.Length) throw new InvalidOperationException();
        }
    }
}
