using System.Buffers;
using System.Buffers.Binary;

namespace Gateway.M3ua;

public static partial class M3uaSignalCodec
{
    // Lists up to this many 32-bit words are laid out on the stack; longer ones borrow a pooled buffer.
    private const int StackWords = 64;

    /// <summary>
    /// Encodes <paramref name="signal"/> into <paramref name="destination"/>: the parameters the message takes per
    /// RFC 4666 §3, from the signal's fields, in the RFC's order. On failure <paramref name="bytesWritten"/> is 0 and
    /// the destination's content is unspecified.
    /// </summary>
    public static M3uaSignalResult TryEncode(in M3uaSignal signal, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!IsEncodable(signal.Type))
        {
            return new M3uaSignalResult(M3uaSignalError.UnsupportedSignal);
        }

        var writer = new M3uaWriter(destination, signal.Type);
        M3uaSignalResult fields = WriteFields(ref writer, in signal);
        if (!fields.Succeeded)
        {
            return fields;
        }

        if (writer.Error != M3uaError.None || !writer.TryComplete(out bytesWritten))
        {
            bytesWritten = 0;
            return new M3uaSignalResult(M3uaSignalError.EncodingFailed, writer.Error, parameter: writer.ErrorParameter);
        }

        return M3uaSignalResult.Success;
    }

    /// <summary>Whether signals of <paramref name="type"/> can be encoded from their fields (every type but DEREG RSP).</summary>
    public static bool IsEncodable(M3uaMessageType type) => type is M3uaMessageType.Err or M3uaMessageType.Ntfy
        or M3uaMessageType.Duna or M3uaMessageType.Dava or M3uaMessageType.Daud or M3uaMessageType.Scon or M3uaMessageType.Dupu
        or M3uaMessageType.Drst or M3uaMessageType.AspUp or M3uaMessageType.AspDn or M3uaMessageType.Beat
        or M3uaMessageType.AspUpAck or M3uaMessageType.AspDnAck or M3uaMessageType.BeatAck or M3uaMessageType.AspAc
        or M3uaMessageType.AspIa or M3uaMessageType.AspAcAck or M3uaMessageType.AspIaAck or M3uaMessageType.RegReq
        or M3uaMessageType.RegRsp or M3uaMessageType.DeregReq;

    private static M3uaSignalResult WriteFields(ref M3uaWriter writer, in M3uaSignal signal)
    {
        switch (signal.Type)
        {
            case M3uaMessageType.Err:
                if (signal.ErrorCode == M3uaErrorCode.None)
                {
                    return InvalidField(M3uaParameterTag.ErrorCode);
                }

                writer.WriteUInt32(M3uaParameterTag.ErrorCode, (uint)signal.ErrorCode);
                WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
                WriteNetworkAppearance(ref writer, in signal);
                return WriteAffected(ref writer, in signal);

            case M3uaMessageType.Ntfy:
                if (signal.Status == NtfyStatus.None)
                {
                    return InvalidField(M3uaParameterTag.Status);
                }

                writer.WriteUInt32(M3uaParameterTag.Status, (uint)signal.Status);
                WriteAspIdentifier(ref writer, in signal);
                WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
                return WriteInfo(ref writer, in signal);

            case M3uaMessageType.Duna or M3uaMessageType.Dava or M3uaMessageType.Daud or M3uaMessageType.Scon
                or M3uaMessageType.Dupu or M3uaMessageType.Drst:
                return WriteDestinations(ref writer, in signal);

            case M3uaMessageType.AspUp or M3uaMessageType.AspUpAck:
                WriteAspIdentifier(ref writer, in signal);
                return WriteInfo(ref writer, in signal);

            case M3uaMessageType.Beat or M3uaMessageType.BeatAck:
                if (!signal.HeartbeatData.IsEmpty)
                {
                    writer.WriteParameter(M3uaParameterTag.HeartbeatData, signal.HeartbeatData.Span);
                }

                return M3uaSignalResult.Success;

            case M3uaMessageType.AspAc or M3uaMessageType.AspAcAck:
                if (signal.TrafficMode != TrafficMode.None)
                {
                    writer.WriteUInt32(M3uaParameterTag.TrafficModeType, (uint)signal.TrafficMode);
                }

                WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
                return WriteInfo(ref writer, in signal);

            case M3uaMessageType.AspIa or M3uaMessageType.AspIaAck:
                WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
                return WriteInfo(ref writer, in signal);

            case M3uaMessageType.RegReq:
                return WriteRoutingKeys(ref writer, in signal);

            case M3uaMessageType.RegRsp:
                foreach (RegistrationOutcome outcome in signal.RegistrationResults.Span)
                {
                    writer.Write(new RegistrationResult(outcome.LocalRoutingKeyIdentifier, (M3uaRegistrationStatus)(uint)outcome.Status, outcome.RoutingContext));
                }

                return M3uaSignalResult.Success;

            case M3uaMessageType.DeregReq:
                WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
                return M3uaSignalResult.Success;

            default:
                // ASPDN and ASPDN ACK: nothing but an INFO String.
                return WriteInfo(ref writer, in signal);
        }
    }

    private static M3uaSignalResult WriteDestinations(ref M3uaWriter writer, in M3uaSignal signal)
    {
        WriteNetworkAppearance(ref writer, in signal);
        WriteWords(ref writer, M3uaParameterTag.RoutingContext, signal.RoutingContexts.Span);
        M3uaSignalResult affected = WriteAffected(ref writer, in signal);
        if (!affected.Succeeded)
        {
            return affected;
        }

        if (signal.Type == M3uaMessageType.Scon)
        {
            if (signal.ConcernedDestination is int concerned)
            {
                if ((uint)concerned > M3uaPointCode.MaxPointCode)
                {
                    return InvalidField(M3uaParameterTag.ConcernedDestination);
                }

                writer.WriteUInt32(M3uaParameterTag.ConcernedDestination, (uint)concerned);
            }

            if (signal.CongestionLevel is byte level)
            {
                // The codec refuses a level above 3 (Invalid Parameter Value) as the reader would.
                writer.WriteUInt32(M3uaParameterTag.CongestionIndications, level);
            }
        }
        else if (signal.Type == M3uaMessageType.Dupu)
        {
            writer.Write(new UserCause((M3uaUnavailabilityCause)(ushort)signal.Cause, signal.User));
        }

        return WriteInfo(ref writer, in signal);
    }

    private static M3uaSignalResult WriteAffected(ref M3uaWriter writer, in M3uaSignal signal)
    {
        ReadOnlySpan<PointCodeRange> ranges = signal.AffectedPointCodes.Span;
        if (ranges.IsEmpty)
        {
            // Mandatory in SSNM: the writer's completion reports it missing; optional in ERR.
            return M3uaSignalResult.Success;
        }

        uint[]? rented = ranges.Length > StackWords ? ArrayPool<uint>.Shared.Rent(ranges.Length) : null;
        try
        {
            Span<uint> words = rented is null ? stackalloc uint[StackWords] : rented;
            for (int i = 0; i < ranges.Length; i++)
            {
                if ((uint)ranges[i].PointCode > M3uaPointCode.MaxPointCode)
                {
                    return InvalidField(M3uaParameterTag.AffectedPointCode);
                }

                words[i] = ranges[i].WireValue;
            }

            WriteWords(ref writer, M3uaParameterTag.AffectedPointCode, words[..ranges.Length]);
            return M3uaSignalResult.Success;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<uint>.Shared.Return(rented);
            }
        }
    }

    private static M3uaSignalResult WriteRoutingKeys(ref M3uaWriter writer, in M3uaSignal signal)
    {
        // A Service Indicators list longer than 255 octets is cut there: there are only 16 service indicators.
        Span<byte> buffer = stackalloc byte[255];
        foreach (RoutingKeyRequest? key in signal.RoutingKeys.Span)
        {
            if (key is null || (uint)key.DestinationPointCode > M3uaPointCode.MaxPointCode)
            {
                return InvalidField(M3uaParameterTag.RoutingKey);
            }

            Span<byte> indicators = buffer[..Math.Min(key.ServiceIndicators.Count, buffer.Length)];
            for (int i = 0; i < indicators.Length; i++)
            {
                indicators[i] = key.ServiceIndicators[i];
            }

            var destination = new RoutingKeyDestination(new M3uaPointCode((uint)key.DestinationPointCode), key.NetworkAppearance, indicators);
            M3uaTrafficMode? mode = key.TrafficMode == TrafficMode.None ? null : (M3uaTrafficMode)(uint)key.TrafficMode;
            writer.Write(new RoutingKey(key.LocalRoutingKeyIdentifier, [destination], key.RoutingContext, mode));
        }

        // None at all: the writer's completion reports the mandatory Routing Key missing.
        return M3uaSignalResult.Success;
    }

    private static void WriteAspIdentifier(ref M3uaWriter writer, in M3uaSignal signal)
    {
        if (signal.AspIdentifier is uint identifier)
        {
            writer.WriteUInt32(M3uaParameterTag.AspIdentifier, identifier);
        }
    }

    private static void WriteNetworkAppearance(ref M3uaWriter writer, in M3uaSignal signal)
    {
        if (signal.NetworkAppearance is uint appearance)
        {
            writer.WriteUInt32(M3uaParameterTag.NetworkAppearance, appearance);
        }
    }

    private static M3uaSignalResult WriteInfo(ref M3uaWriter writer, in M3uaSignal signal)
    {
        if (signal.Info is not string text || text.Length == 0)
        {
            return M3uaSignalResult.Success;
        }

        // At most 255 octets (RFC 4666 §3.8.2): 255 UTF-16 units never need more than 3 octets each.
        Span<byte> octets = stackalloc byte[3 * 256];
        if (text.Length > 255 || !System.Text.Encoding.UTF8.TryGetBytes(text, octets, out int length) || length > M3uaParameterRules.MaxInfoStringLength)
        {
            return InvalidField(M3uaParameterTag.InfoString);
        }

        writer.WriteParameter(M3uaParameterTag.InfoString, octets[..length]);
        return M3uaSignalResult.Success;
    }

    private static void WriteWords(ref M3uaWriter writer, M3uaParameterTag tag, scoped ReadOnlySpan<uint> words)
    {
        if (words.IsEmpty)
        {
            return;
        }

        int length = words.Length * 4;
        byte[]? rented = words.Length > StackWords ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> value = rented is null ? stackalloc byte[StackWords * 4] : rented;
            for (int i = 0; i < words.Length; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(value[(i * 4)..], words[i]);
            }

            writer.WriteParameter(tag, value[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static M3uaSignalResult InvalidField(M3uaParameterTag tag) => new(M3uaSignalError.InvalidField, parameter: tag);
}
