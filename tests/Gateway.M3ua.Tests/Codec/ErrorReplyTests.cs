using Gateway.Testing;

namespace Gateway.M3ua.Tests.Codec;

public sealed class ErrorReplyTests
{
    [Fact]
    public void The_err_for_a_refused_message_carries_its_error_code_and_the_message_as_diagnostic()
    {
        byte[] received = Convert.FromHexString("0100010100000010" + "0200000800000001"); // DATA without Protocol Data
        var reader = new M3uaReader(received);
        Assert.True(M3uaErrorReply.ShouldReply(received, reader.Error));
        var err = M3uaErrorReply.ForDecodeFailure(received, reader.Error)!;
        Assert.Equal(M3uaMessageType.Err, err.Type);
        Assert.Equal([M3uaParameterTag.ErrorCode, M3uaParameterTag.DiagnosticInformation], err.Parameters.Select(p => p.Tag));
        Assert.True(err.TryGet(out ErrorCode code));
        Assert.Equal(M3uaErrorCode.MissingParameter, code.Code);
        Assert.Equal(received, err.Parameters[1].Value.ToArray());
        Assert.Equal("0100000000000024" + "000c000800000016" + "00070014" + Convert.ToHexStringLower(received), Convert.ToHexStringLower(err.Encode()));
    }

    [Fact]
    public void The_diagnostic_is_capped_and_never_longer_than_what_was_received()
    {
        byte[] large = new byte[1000];
        M3uaWireSamples.DataWithIam.CopyTo(large, 0);
        var err = M3uaErrorReply.Create(M3uaErrorCode.ProtocolError, large);
        Assert.True(err.TryGet(out DiagnosticInformation diagnostic));
        Assert.Equal(M3uaErrorReply.DefaultDiagnosticLimit, diagnostic.Data.Length);
        Assert.True(diagnostic.Data.Span.SequenceEqual(large.AsSpan(0, 256)));

        Assert.Equal(40, M3uaErrorReply.Create(M3uaErrorCode.ProtocolError, large, diagnosticLimit: 40).GetAll<DiagnosticInformation>().Single().Data.Length);
        Assert.Equal(3, M3uaErrorReply.Create(M3uaErrorCode.ProtocolError, [1, 2, 3]).GetAll<DiagnosticInformation>().Single().Data.Length);
        Assert.False(M3uaErrorReply.Create(M3uaErrorCode.ProtocolError, large, diagnosticLimit: 0).Contains(M3uaParameterTag.DiagnosticInformation));
        Assert.False(M3uaErrorReply.Create(M3uaErrorCode.ProtocolError, []).Contains(M3uaParameterTag.DiagnosticInformation));
    }

    [Fact]
    public void The_err_names_the_routing_context_network_appearance_or_destinations_it_concerns()
    {
        var err = M3uaErrorReply.Create(M3uaErrorCode.InvalidRoutingContext, M3uaWireSamples.DataWithIam, routingContext: 10, networkAppearance: 3,
            affectedPointCodes: [new M3uaPointCode(2002), new M3uaPointCode(0x100, 8)]);
        Assert.Equal([M3uaParameterTag.ErrorCode, M3uaParameterTag.RoutingContext, M3uaParameterTag.NetworkAppearance, M3uaParameterTag.AffectedPointCode, M3uaParameterTag.DiagnosticInformation],
            err.Parameters.Select(p => p.Tag));
        Assert.True(err.TryGet(out RoutingContext rc));
        Assert.Equal([10u], rc.Values);
        Assert.True(err.TryGet(out AffectedPointCode apc));
        Assert.Equal([new M3uaPointCode(2002), new M3uaPointCode(0x100, 8)], apc.PointCodes);
        Assert.Equal(err, M3uaMessage.Decode(err.Encode()));
    }

    [Fact]
    public void An_err_is_never_answered_with_an_err_and_nothing_answers_an_encode_defect()
    {
        byte[] errWithoutCode = Convert.FromHexString("0100000000000008");
        var error = new M3uaReader(errWithoutCode).Error;
        Assert.Equal(M3uaError.MissingParameter, error);
        Assert.False(M3uaErrorReply.ShouldReply(errWithoutCode, error));
        Assert.Null(M3uaErrorReply.ForDecodeFailure(errWithoutCode, error));
        Assert.False(M3uaErrorReply.ShouldReply(M3uaWireSamples.DataWithIam, M3uaError.None));
        Assert.False(M3uaErrorReply.ShouldReply(M3uaWireSamples.DataWithIam, M3uaError.DestinationTooSmall));
        // A message too short to have a class is still answered (Protocol Error).
        Assert.True(M3uaErrorReply.ShouldReply([1, 0], M3uaError.Truncated));
    }

    [Fact]
    public void The_err_can_be_written_in_place()
    {
        byte[] received = Convert.FromHexString("02000301 00000008".Replace(" ", ""));
        Span<byte> buffer = stackalloc byte[64];
        Assert.Equal(M3uaError.None, M3uaErrorReply.TryWrite(buffer, M3uaErrorCode.InvalidVersion, received, out int written));
        Assert.Equal("010000000000001c" + "000c000800000001" + "0007000c" + "0200030100000008", Convert.ToHexStringLower(buffer[..written]));
        Assert.Equal(M3uaError.DestinationTooSmall, M3uaErrorReply.TryWrite(buffer[..20], M3uaErrorCode.InvalidVersion, received, out _));
    }
}
