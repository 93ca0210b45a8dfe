namespace Gateway.Isup;

/// <summary>Signals to bytes.</summary>
public static partial class IsupSignalCodec
{
    private const int MaxCic = 0x0FFF;

    /// <summary>
    /// Encodes a signal the procedures send as MTP3 user data (from the CIC) into <paramref name="destination"/>.
    /// Never throws for a signal that cannot be encoded; the result says why, and nothing usable is written.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Messages the procedures define (<see cref="IsBuiltFromFields"/>) are written from the signal's fields:
    /// REL and CFN with <see cref="IsupSignal.Cause"/>, RLC with it when present, GRS, CQM and CQR with
    /// <see cref="IsupSignal.Range"/>, GRA and the group blocking messages with the range and
    /// <see cref="IsupSignal.Status"/>, CGB(A)/CGU(A) with <see cref="IsupSignal.SupervisionType"/>, CQR with
    /// <see cref="IsupSignal.CircuitStates"/>. A <see cref="IsupSignal.Message"/> given with them adds its optional
    /// parameters (call control's REL), and a mandatory parameter the fields do not give.</item>
    /// <item>Any other type is call control's message: <see cref="IsupSignal.Message"/> is encoded as given, on the
    /// signal's CIC. Its type must be the signal's; a CIC of its own is overridden, because the circuit is the
    /// procedures' choice — an IAM re-attempted on another circuit is the same message object, and one built from an
    /// application/ISUP body has no CIC at all.</item>
    /// <item>Without a message, a call message is written from the fields when they are all it needs (SUS/RES with
    /// <see cref="IsupSignal.NetworkInitiated"/>, an ANM with no parameter); otherwise
    /// <see cref="IsupSignalError.MissingMessage"/>.</item>
    /// </list>
    /// </remarks>
    public static IsupSignalResult TryEncode(in IsupSignal signal, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if ((uint)signal.Cic > MaxCic)
        {
            return new IsupSignalResult(IsupSignalError.EncodingFailed, IsupError.InvalidCic);
        }

        IsupMessage? message = null;
        if (signal.Message is not null)
        {
            message = signal.Message as IsupMessage;
            if (message is null)
            {
                return new IsupSignalResult(IsupSignalError.UnsupportedMessage);
            }

            if (message.Type != signal.Type)
            {
                return new IsupSignalResult(IsupSignalError.MessageTypeMismatch);
            }
        }

        return message is not null && !IsBuiltFromFields(signal.Type)
            ? EncodeMessage(signal.Cic, message, destination, out bytesWritten)
            : EncodeFields(in signal, message, destination, out bytesWritten);
    }

    /// <summary>Call control's message, as given, on <paramref name="cic"/>.</summary>
    private static IsupSignalResult EncodeMessage(int cic, IsupMessage message, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < TypeOffset)
        {
            return new IsupSignalResult(IsupSignalError.EncodingFailed, IsupError.DestinationTooSmall);
        }

        // The message is shared (call control may keep it, a repeat attempt sends it again), so it is never changed:
        // it is laid out without its CIC, or with it, and the signal's CIC written over it.
        bool hasCic = message.Cic.HasValue;
        Span<byte> target = hasCic ? destination : destination[TypeOffset..];
        IsupError error = message.TryEncode(target, out int written);
        if (error != IsupError.None)
        {
            return new IsupSignalResult(IsupSignalError.EncodingFailed, error);
        }

        destination[0] = (byte)cic;
        destination[1] = (byte)((cic >> 8) | (message.CicSpareBits << 4));
        bytesWritten = hasCic ? written : written + TypeOffset;
        return IsupSignalResult.Success;
    }

    /// <summary>The procedures' message, from the signal's fields (and the optional parameters of <paramref name="message"/>).</summary>
    private static IsupSignalResult EncodeFields(in IsupSignal signal, IsupMessage? message, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        IsupMessageFormat? format = IsupMessageFormats.Get(signal.Type);
        if (format is null)
        {
            // An unknown or opaque type has no fields to build it from: only call control's message could say what it is.
            return new IsupSignalResult(IsupSignalError.MissingMessage);
        }

        if (message is not null)
        {
            // Checked before writing: the writer treats an optional parameter where there is no optional part as misuse.
            for (int i = 0; i < message.Parameters.Count; i++)
            {
                IsupParameter parameter = message.Parameters[i];
                if (parameter.Kind == IsupParameterKind.Optional
                    && (!format.HasOptionalPart || parameter.Code == IsupParameterCode.EndOfOptionalParameters))
                {
                    return new IsupSignalResult(IsupSignalError.EncodingFailed, IsupError.ParameterNotAllowed, parameter: parameter.Code);
                }
            }
        }

        var writer = new IsupWriter(destination, signal.Type, signal.Cic);
        foreach (IsupFixedParameter slot in format.FixedParameters)
        {
            IsupSignalResult written = WriteMandatory(ref writer, in signal, slot.Code, message);
            if (!written.Succeeded)
            {
                return written;
            }
        }

        foreach (IsupParameterCode code in format.VariableParameters)
        {
            IsupSignalResult written = WriteMandatory(ref writer, in signal, code, message);
            if (!written.Succeeded)
            {
                return written;
            }
        }

        if (signal.Type == IsupMessageType.RLC && signal.Cause.IsPresent)
        {
            // RLC's cause is optional (Q.763 Table 36); the procedures send it when they have one.
            IsupSignalResult written = WriteCause(ref writer, signal.Cause, message);
            if (!written.Succeeded)
            {
                return written;
            }
        }

        if (message is not null)
        {
            for (int i = 0; i < message.Parameters.Count; i++)
            {
                IsupParameter parameter = message.Parameters[i];
                if (parameter.Kind == IsupParameterKind.Optional
                    && !(signal.Type == IsupMessageType.RLC && signal.Cause.IsPresent && parameter.Code == IsupParameterCode.CauseIndicators))
                {
                    writer.WriteOptional(parameter.Code, parameter.Value.Span);
                }
            }
        }

        return writer.TryComplete(out bytesWritten)
            ? IsupSignalResult.Success
            : new IsupSignalResult(IsupSignalError.EncodingFailed, writer.Error, parameter: writer.ErrorParameter);
    }

    /// <summary>
    /// One mandatory parameter of the format: from the signal's field when the type has one for it, else from call
    /// control's message, else the message cannot be built.
    /// </summary>
    private static IsupSignalResult WriteMandatory(ref IsupWriter writer, in IsupSignal signal, IsupParameterCode code, IsupMessage? message)
    {
        switch (code)
        {
            case IsupParameterCode.CauseIndicators when signal.Cause.IsPresent && signal.Type is IsupMessageType.REL or IsupMessageType.CFN:
                return WriteCause(ref writer, signal.Cause, message);
            case IsupParameterCode.RangeAndStatus when IsBuiltFromFields(signal.Type):
                return WriteRangeAndStatus(ref writer, in signal);
            case IsupParameterCode.CircuitGroupSupervisionMessageType when IsBuiltFromFields(signal.Type):
                if ((byte)signal.SupervisionType > (byte)CircuitGroupSupervisionType.Spare)
                {
                    return new IsupSignalResult(IsupSignalError.InvalidField, parameter: code);
                }

                writer.Write(new CircuitGroupSupervisionMessageType(signal.SupervisionType));
                return IsupSignalResult.Success;
            case IsupParameterCode.CircuitStateIndicator when IsBuiltFromFields(signal.Type):
                if (signal.CircuitStates.Length != signal.Range + 1)
                {
                    // Q.763 §3.14: one state octet per circuit of the range.
                    return new IsupSignalResult(IsupSignalError.InvalidField, parameter: code);
                }

                writer.WriteParameter(code, signal.CircuitStates.Span);
                return IsupSignalResult.Success;
            case IsupParameterCode.SuspendResumeIndicators when message is null:
                // Q.763 §3.52, bit A: 0 ISDN subscriber initiated, 1 network initiated.
                writer.WriteParameter(code, signal.NetworkInitiated ? [0x01] : [0x00]);
                return IsupSignalResult.Success;
        }

        if (message is not null && TryGetMandatory(message, code, out ReadOnlyMemory<byte> value))
        {
            writer.WriteParameter(code, value.Span);
            return IsupSignalResult.Success;
        }

        return message is null && !IsBuiltFromFields(signal.Type)
            ? new IsupSignalResult(IsupSignalError.MissingMessage, parameter: code)
            : new IsupSignalResult(IsupSignalError.InvalidField, parameter: code);
    }

    /// <summary>
    /// The cause indicators view from <paramref name="cause"/>: ITU-T coding, its location, its value and the one
    /// diagnostic octet the procedures add. When call control's message carries the same cause (value and location),
    /// its octets are sent instead, so a cause relayed from the other leg keeps its coding standard and diagnostics.
    /// </summary>
    private static IsupSignalResult WriteCause(ref IsupWriter writer, IsupCause cause, IsupMessage? message)
    {
        if (cause.Value > 127 || (byte)cause.Location > 15)
        {
            return new IsupSignalResult(IsupSignalError.InvalidField, parameter: IsupParameterCode.CauseIndicators);
        }

        if (message is not null && message.TryGetValue(IsupParameterCode.CauseIndicators, out ReadOnlyMemory<byte> own))
        {
            IsupCause relayed = ReadCause(own.Span);
            if (relayed.Value == cause.Value && relayed.Location == cause.Location)
            {
                writer.WriteParameter(IsupParameterCode.CauseIndicators, own.Span);
                return IsupSignalResult.Success;
            }
        }

        // Only a cause the procedures generate (97, 99, 110) has a diagnostic: the array is off the call path.
        byte[]? diagnostics = cause.Diagnostic is byte diagnostic ? [diagnostic] : null;
        writer.Write(new CauseIndicators(cause.Value, cause.Location, diagnostics: diagnostics));
        return IsupSignalResult.Success;
    }

    /// <summary>
    /// Range and status (Q.763 §3.43) through its view: the range alone for GRS, CQM and CQR, one status bit per
    /// circuit of the range for the others.
    /// </summary>
    private static IsupSignalResult WriteRangeAndStatus(ref IsupWriter writer, in IsupSignal signal)
    {
        byte range = signal.Range;
        if (signal.Type is IsupMessageType.GRS or IsupMessageType.CQM or IsupMessageType.CQR)
        {
            writer.Write(new RangeAndStatus(range));
            return IsupSignalResult.Success;
        }

        byte[] status = new byte[RangeAndStatus.GetStatusLength(range)];
        CircuitStatusBits bits = signal.Status;
        for (int i = 0; i <= range; i++)
        {
            if (bits[i])
            {
                status[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        writer.Write(new RangeAndStatus(range, status));
        return IsupSignalResult.Success;
    }

    private static bool TryGetMandatory(IsupMessage message, IsupParameterCode code, out ReadOnlyMemory<byte> value)
    {
        // Indexed: a foreach over the interface would box the enumerator.
        for (int i = 0; i < message.Parameters.Count; i++)
        {
            IsupParameter parameter = message.Parameters[i];
            if (parameter.Code == code && parameter.Kind != IsupParameterKind.Optional)
            {
                value = parameter.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
