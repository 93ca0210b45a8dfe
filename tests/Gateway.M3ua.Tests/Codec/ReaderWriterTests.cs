using System.Buffers;
using Gateway.M3ua.Tests.Samples;
using Gateway.Testing;

namespace Gateway.M3ua.Tests.Codec;

public sealed class ReaderWriterTests
{
    [Fact]
    public void The_reader_gives_the_header_and_each_parameter_as_a_slice()
    {
        var reader = new M3uaReader(M3uaWireSamples.DataWithIam);
        Assert.Equal((M3uaError.None, (byte)1, M3uaMessageClass.Transfer, M3uaMessageType.Data, 72u, 2),
            (reader.Error, reader.Version, reader.MessageClass, reader.MessageType, reader.MessageLength, reader.ParameterCount));
        Assert.Equal("DATA", reader.Format!.Name);
        Assert.True(reader.Read());
        Assert.Equal((M3uaParameterTag.RoutingContext, 8, 12, "0000000a", true), (reader.Tag, reader.Offset, reader.ValueOffset, Convert.ToHexStringLower(reader.Value), reader.IsKnownParameter));
        Assert.True(reader.Read());
        Assert.Equal((M3uaParameterTag.ProtocolData, 16, 52), (reader.Tag, reader.Offset, reader.Value.Length));
        Assert.False(reader.Read());
        Assert.False(reader.Read());

        // TryFind walks a copy: the position is not disturbed.
        Assert.True(reader.TryFind(M3uaParameterTag.RoutingContext, out var rc));
        Assert.Equal(4, rc.Length);
        Assert.False(reader.TryFind(M3uaParameterTag.NetworkAppearance, out _));
        Assert.True(reader.TryGet(out RoutingContext context));
        Assert.Equal([10u], context.Values);
    }

    [Fact]
    public void A_reader_over_a_bad_message_reads_nothing()
    {
        var reader = new M3uaReader(Convert.FromHexString("01000301000000100004000c"));
        Assert.NotEqual(M3uaError.None, reader.Error);
        Assert.Equal(0, reader.ParameterCount);
        Assert.False(reader.Read());
        Assert.False(reader.TryFind(M3uaParameterTag.InfoString, out _));
        Assert.False(reader.TryGetProtocolData(out _, out _));
    }

    [Fact]
    public void Unknown_parameters_are_kept_raw_and_written_back_in_place()
    {
        // ASPUP: ASP Identifier, an unknown tag 0x0001 (not used in M3UA) with 3 octets, an unknown M3UA-range tag
        // 0x02ff, then an INFO String.
        byte[] wire = Convert.FromHexString("0100030100000030" + "0011000800000007" + "00010007aabbcc00" + "02ff000c0102030405060708" + "0004000867772d31");
        wire[7] = (byte)wire.Length;
        var message = M3uaMessage.Decode(wire);
        Assert.Equal([M3uaParameterTag.AspIdentifier, (M3uaParameterTag)0x0001, (M3uaParameterTag)0x02ff, M3uaParameterTag.InfoString], message.Parameters.Select(p => p.Tag));
        Assert.Equal(("aabbcc", false), (Convert.ToHexStringLower(message.Parameters[1].Value.Span), message.Parameters[1].IsKnown));
        Assert.Equal(wire, message.Encode());

        var reader = new M3uaReader(wire);
        Assert.Equal(4, reader.ParameterCount);
        reader.Read();
        reader.Read();
        Assert.False(reader.IsKnownParameter);
    }

    [Fact]
    public void Padding_is_ignored_on_receipt_and_written_as_zeros()
    {
        // INFO String "abc" (length 7) with padding 0xff: read as "abc", written back with a zero pad.
        byte[] wire = Convert.FromHexString("0100030200000010" + "00040007616263ff");
        var message = M3uaMessage.Decode(wire);
        Assert.True(message.TryGet(out InfoString info));
        Assert.Equal("abc", info.Text);
        Assert.Equal("0100030200000010" + "0004000761626300", Convert.ToHexStringLower(message.Encode()));
    }

    [Fact]
    public void A_last_parameter_sent_without_its_padding_is_accepted()
    {
        // RFC 4666 has the sender pad and the receiver ignore padding: a message ending at the value's last octet is
        // still unambiguous. Re-encoding adds the padding.
        byte[] wire = Convert.FromHexString("010003020000000f" + "00040007616263");
        var message = M3uaMessage.Decode(wire);
        Assert.Equal("abc", message.GetAll<InfoString>().Single().Text);
        Assert.Equal(16, message.Encode().Length);
        // Padding missing in the middle is not: the next parameter would start off its 4-octet boundary.
        Assert.NotEqual(M3uaError.None, M3uaMessage.TryDecode(Convert.FromHexString("0100030100000017" + "00040007616263" + "0011000800000001"), out _));
    }

    [Fact]
    public void The_writer_lays_out_header_parameters_padding_and_length()
    {
        Span<byte> buffer = stackalloc byte[64];
        buffer.Fill(0xee);
        var writer = new M3uaWriter(buffer, M3uaMessageType.AspUp);
        writer.WriteUInt32(M3uaParameterTag.AspIdentifier, 7);
        writer.Write(new InfoString("abcde"));
        Assert.Equal(28, writer.BytesWritten);
        Assert.True(writer.TryComplete(out int length));
        Assert.Equal("010003010000001c" + "0011000800000007" + "000400096162636465000000", Convert.ToHexStringLower(buffer[..length]));
    }

    [Fact]
    public void The_writer_writes_into_a_buffer_writer_and_advances_it_once_complete()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new M3uaWriter(output, M3uaMessageType.Data);
        writer.WriteRoutingContext(M3uaWireSamples.RoutingContext);
        writer.WriteProtocolData(M3uaSamples.IsupHeader, M3uaWireSamples.Iam40);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(72, writer.Complete());
        Assert.Equal(M3uaWireSamples.DataWithIam, output.WrittenSpan.ToArray());

        var failed = new M3uaWriter(output, M3uaMessageType.Data);
        Assert.False(failed.TryComplete(out _));
        Assert.Equal(72, output.WrittenCount);
    }

    [Fact]
    public void The_writer_refuses_what_the_reader_would_refuse_and_keeps_the_first_error()
    {
        Span<byte> buffer = stackalloc byte[256];

        var unexpected = new M3uaWriter(buffer, M3uaMessageType.AspUp);
        unexpected.WriteProtocolData(M3uaSamples.IsupHeader, [1, 2]);
        unexpected.Write(new InfoString("later writes are ignored"));
        Assert.False(unexpected.TryComplete(out _));
        Assert.Equal((M3uaError.UnexpectedParameter, (M3uaParameterTag?)M3uaParameterTag.ProtocolData, 8), (unexpected.Error, unexpected.ErrorParameter, unexpected.BytesWritten));

        var twice = new M3uaWriter(buffer, M3uaMessageType.AspUp);
        twice.Write(new AspIdentifier(1));
        twice.Write(new AspIdentifier(2));
        Assert.Equal(M3uaError.DuplicateParameter, twice.Error);
        Assert.Equal(16, twice.BytesWritten); // the refused parameter was taken back out

        var missing = new M3uaWriter(buffer, M3uaMessageType.Dupu);
        missing.Write(new AffectedPointCode(new M3uaPointCode(5)));
        Assert.False(missing.TryComplete(out _));
        Assert.Equal((M3uaError.MissingParameter, (M3uaParameterTag?)M3uaParameterTag.UserCause), (missing.Error, missing.ErrorParameter));

        var twoContexts = new M3uaWriter(buffer, M3uaMessageType.Data);
        twoContexts.Write(new RoutingContext(1, 2));
        Assert.Equal((M3uaError.InvalidParameterLength, (M3uaParameterTag?)M3uaParameterTag.RoutingContext), (twoContexts.Error, twoContexts.ErrorParameter));

        var badMode = new M3uaWriter(buffer, M3uaMessageType.AspAc);
        badMode.WriteUInt32(M3uaParameterTag.TrafficModeType, 4);
        Assert.Equal(M3uaError.UnsupportedTrafficMode, badMode.Error);

        var badKey = new M3uaWriter(buffer, M3uaMessageType.RegReq);
        badKey.WriteParameter(M3uaParameterTag.RoutingKey, Convert.FromHexString("020a000800000001"));
        Assert.Equal((M3uaError.MissingParameter, (M3uaParameterTag?)M3uaParameterTag.DestinationPointCode), (badKey.Error, badKey.ErrorParameter));

        var tooLong = new M3uaWriter(new byte[70000], M3uaMessageType.Beat);
        tooLong.WriteParameter(M3uaParameterTag.HeartbeatData, new byte[65532]);
        Assert.Equal(M3uaError.ParameterTooLong, tooLong.Error);
        byte[] longestBuffer = new byte[70000];
        var longest = new M3uaWriter(longestBuffer, M3uaMessageType.Beat);
        longest.WriteParameter(M3uaParameterTag.HeartbeatData, new byte[65531]);
        Assert.True(longest.TryComplete(out int longestLength));
        Assert.Equal(M3uaError.None, new M3uaReader(longestBuffer.AsSpan(0, longestLength)).Error);
    }

    [Fact]
    public void The_writer_reports_a_destination_too_small_and_never_writes_past_it()
    {
        byte[] buffer = new byte[20];
        var writer = new M3uaWriter(buffer.AsSpan(0, 16), M3uaMessageType.AspUp);
        writer.Write(new AspIdentifier(1));
        writer.Write(new InfoString("x"));
        Assert.False(writer.TryComplete(out _));
        Assert.Equal((M3uaError.DestinationTooSmall, (M3uaParameterTag?)M3uaParameterTag.InfoString), (writer.Error, writer.ErrorParameter));
        Assert.Equal([0, 0, 0, 0], buffer[16..]);
        Assert.Equal(M3uaError.DestinationTooSmall, new M3uaWriter(new byte[7], M3uaMessageType.AspUp).Error);
    }

    [Fact]
    public void The_writer_writes_no_message_m3ua_does_not_define()
    {
        Assert.Equal(M3uaError.UnsupportedMessageClass, new M3uaWriter(new byte[16], (M3uaMessageType)0x0501).Error);
        Assert.Equal(M3uaError.UnsupportedMessageType, new M3uaWriter(new byte[16], (M3uaMessageType)0x0107).Error);
        Assert.Equal(M3uaError.UnsupportedMessageType, new M3uaMessage((M3uaMessageType)0x0007).TryEncode(new byte[16], out _));
    }

    [Fact]
    public void Writing_after_completion_is_a_programming_error()
    {
        byte[] buffer = new byte[32];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new M3uaWriter(buffer, M3uaMessageType.AspDn);
            writer.Complete();
            writer.Write(new InfoString("x"));
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new M3uaWriter(buffer, M3uaMessageType.AspDn);
            writer.Complete();
            writer.Complete();
        });
        Assert.Throws<M3uaFormatException>(() => new M3uaWriter(buffer, M3uaMessageType.Ntfy).Complete());
    }

    [Fact]
    public void A_stream_framer_gets_each_message_length_from_the_header()
    {
        // Two messages back to back, as TCP delivers them, then half a header.
        byte[] stream = [.. M3uaWireSamples.DataWithIam, .. Convert.FromHexString("0100030100000008"), 0x01, 0x00];
        Assert.True(M3uaHeader.TryGetMessageLength(stream, 65536, out int first, out _));
        Assert.Equal(72, first);
        Assert.True(M3uaHeader.TryGetMessageLength(stream.AsSpan(first), 65536, out int second, out _));
        Assert.Equal(8, second);
        Assert.False(M3uaHeader.TryGetMessageLength(stream.AsSpan(first + second), 65536, out _, out var incomplete));
        Assert.Equal(M3uaError.None, incomplete);

        Assert.False(M3uaHeader.TryGetMessageLength(Convert.FromHexString("01000101ffffffff"), 65536, out _, out var huge));
        Assert.Equal(M3uaError.MessageLengthMismatch, huge);
        Assert.False(M3uaHeader.TryGetMessageLength(Convert.FromHexString("0100010100000004"), 65536, out _, out var tiny));
        Assert.Equal(M3uaError.MessageLengthMismatch, tiny);
        Assert.False(M3uaHeader.TryGetMessageLength(Convert.FromHexString("0200010100000008"), 65536, out _, out var version));
        Assert.Equal(M3uaError.InvalidVersion, version);

        Assert.True(M3uaHeader.TryRead(M3uaWireSamples.DataWithIam, out var header));
        Assert.Equal((1, 0, M3uaMessageType.Data, 72u), (header.Version, header.Reserved, header.Message, header.MessageLength));
        Span<byte> copy = stackalloc byte[8];
        header.Write(copy);
        Assert.True(copy.SequenceEqual(M3uaWireSamples.DataWithIam.AsSpan(0, 8)));
    }

    [Fact]
    public void Reading_and_writing_data_allocate_nothing()
    {
        byte[] buffer = new byte[M3uaWriter.DefaultSizeHint];
        byte[] data = M3uaWireSamples.DataWithIam;
        byte[] huge = Convert.FromHexString("01000101fffffff0" + "02100014");
        int total = 0;

        void Cycle()
        {
            var reader = new M3uaReader(data);
            reader.TryGetRoutingContext(out uint rc);
            reader.TryGetProtocolData(out var label, out var userData);
            var writer = new M3uaWriter(buffer, M3uaMessageType.Data);
            writer.WriteRoutingContext(rc);
            writer.WriteProtocolData(label, userData);
            total += writer.Complete();

            // Refusals cost nothing either: a 4 GB length claim, a failed message decode, an ERR written in place.
            total += (int)new M3uaReader(huge).Error;
            total += (int)M3uaMessage.TryDecode(huge, out _, out _, out _);
            M3uaErrorReply.TryWrite(buffer, M3uaErrorCode.ProtocolError, huge, out int written);
            total += written;
        }

        Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Cycle();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
