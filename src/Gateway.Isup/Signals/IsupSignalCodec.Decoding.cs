namespace Gateway.Isup;

/// <summary>Bytes to signals.</summary>
public static partial class IsupSignalCodec
{
    private const int TypeOffset = 2; // after the 2-octet CIC of MTP3 user data

    /// <summary>
    /// Decodes one ISUP message, MTP3 user data starting at the CIC, into the signal the procedures take. Never throws
    /// for bad input; on failure <paramref name="signal"/> is default and the result says what is wrong and where.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Call messages (<see cref="CarriesMessage"/>): <see cref="IsupSignal.Message"/> is the decoded
    /// <see cref="IsupMessage"/>, which holds its own copy of the octets; REL's cause and SUS/RES's indicator are also
    /// in the fields.</item>
    /// <item>Other types the codec has a format for: the fields their parameters fill (cause, range, status bits,
    /// supervision type, circuit states), read in place without allocating.</item>
    /// <item>A type the codec has no format for, or keeps opaque (CRG, PAM): only the type, the CIC and the message
    /// compatibility information, read as Q.764 §2.9.5.3 reads an unrecognised message — an optional part only. If the
    /// octets do not read that way, the message simply has no compatibility information (CFN 97 follows): an unknown
    /// format is never "malformed".</item>
    /// <item>Any message with parameters the codec does not know: <see cref="IsupSignal.ParameterCompatibility"/> and
    /// <see cref="IsupSignal.UnrecognisedParameter"/> from its parameter compatibility information; when the outcome
    /// is to process the message, the unknown parameters are dropped from <see cref="IsupSignal.Message"/>, as an end
    /// node that cannot pass them on does.</item>
    /// </list>
    /// </remarks>
    public static IsupSignalResult TryDecode(ReadOnlySpan<byte> userData, out IsupSignal signal)
    {
        signal = default;
        if (userData.Length <= TypeOffset)
        {
            return new IsupSignalResult(IsupSignalError.Malformed, IsupError.Empty, userData.Length);
        }

        var type = (IsupMessageType)userData[TypeOffset];
        if (IsupMessageFormats.Get(type) is null)
        {
            signal = DecodeUnformatted(userData, type);
            return IsupSignalResult.Success;
        }

        return CarriesMessage(type) ? DecodeCallMessage(userData, out signal) : DecodeInPlace(userData, out signal);
    }

    /// <summary>An unrecognised (or opaque) type: only what the compatibility procedure needs.</summary>
    private static IsupSignal DecodeUnformatted(ReadOnlySpan<byte> userData, IsupMessageType type)
    {
        var reader = new IsupReader(userData, IsupBodyForm.Mtp3UserData, IsupMessageFormat.OptionalPartOnly);
        MessageCompatibility compatibility = default;
        if (reader.Error == IsupError.None && reader.TryFind(IsupParameterCode.MessageCompatibilityInformation, out ReadOnlySpan<byte> value))
        {
            compatibility = new MessageCompatibility(value[0]);
        }

        // The reader reads the header whatever the layout behind it.
        return new IsupSignal { Type = type, Cic = reader.Cic, Compatibility = compatibility };
    }

    /// <summary>A call message: decoded whole for call control; the fields the procedures act on read from its parameters.</summary>
    private static IsupSignalResult DecodeCallMessage(ReadOnlySpan<byte> userData, out IsupSignal signal)
    {
        signal = default;
        IsupError error = IsupMessage.TryDecode(userData, IsupBodyForm.Mtp3UserData, out IsupMessage? decoded, out int offset, out IsupParameterCode? parameter);
        if (error != IsupError.None)
        {
            return new IsupSignalResult(IsupSignalError.Malformed, error, offset, parameter);
        }

        IsupMessage message = decoded!;
        IReadOnlyList<IsupParameter> parameters = message.Parameters;
        IsupCause cause = default;
        bool networkInitiated = false;
        MessageCompatibility compatibility = default;
        ReadOnlyMemory<byte> parameterCompatibility = default;
        bool unknown = false;
        for (int i = 0; i < parameters.Count; i++)
        {
            IsupParameter p = parameters[i];
            switch (p.Code)
            {
                case IsupParameterCode.CauseIndicators when message.Type == IsupMessageType.REL && !cause.IsPresent:
                    cause = ReadCause(p.Value.Span);
                    break;
                case IsupParameterCode.SuspendResumeIndicators:
                    networkInitiated = (p.Value.Span[0] & 0x01) != 0; // bit A: 1 network initiated (Q.763 §3.52)
                    break;
                case IsupParameterCode.MessageCompatibilityInformation when !compatibility.IsPresent:
                    compatibility = new MessageCompatibility(p.Value.Span[0]);
                    break;
                case IsupParameterCode.ParameterCompatibilityInformation when parameterCompatibility.IsEmpty:
                    parameterCompatibility = p.Value;
                    break;
                default:
                    unknown |= !IsupParameterNames.IsKnown(p.Code);
                    break;
            }
        }

        var evaluation = default(ParameterCompatibilityEvaluation);
        if (unknown)
        {
            // Rare: only a peer newer than the codec sends such parameters.
            for (int i = 0; i < parameters.Count; i++)
            {
                if (!IsupParameterNames.IsKnown(parameters[i].Code))
                {
                    evaluation.Add(parameters[i].Code, parameterCompatibility.Span);
                }
            }

            if (evaluation.KeepsMessage)
            {
                RemoveUnknownParameters(message);
            }
        }

        signal = new IsupSignal
        {
            Type = message.Type,
            Cic = message.Cic ?? 0,
            Cause = cause,
            NetworkInitiated = networkInitiated,
            Compatibility = compatibility,
            ParameterCompatibility = evaluation.Action,
            UnrecognisedParameter = evaluation.Parameter,
            Message = message,
        };
        return IsupSignalResult.Success;
    }

    private static void RemoveUnknownParameters(IsupMessage message)
    {
        // Everything before i is known, so removing every parameter of an unknown code never shifts what is left to see.
        int i = 0;
        while (i < message.Parameters.Count)
        {
            IsupParameterCode code = message.Parameters[i].Code;
            if (IsupParameterNames.IsKnown(code))
            {
                i++;
            }
            else
            {
                message.RemoveAll(code);
            }
        }
    }

    /// <summary>A message the procedures read field by field: walked in place, nothing allocated (but a CQR's states).</summary>
    private static IsupSignalResult DecodeInPlace(ReadOnlySpan<byte> userData, out IsupSignal signal)
    {
        signal = default;
        var reader = new IsupReader(userData, IsupBodyForm.Mtp3UserData);
        if (reader.Error != IsupError.None)
        {
            return new IsupSignalResult(IsupSignalError.Malformed, reader.Error, reader.ErrorOffset, reader.ErrorParameter);
        }

        IsupMessageType type = reader.MessageType;
        IsupCause cause = default;
        byte range = 0;
        CircuitStatusBits status = default;
        bool hasStatus = false;
        int rangeOffset = -1;
        var supervisionType = CircuitGroupSupervisionType.MaintenanceOriented;
        ReadOnlyMemory<byte> circuitStates = default;
        MessageCompatibility compatibility = default;
        bool unknown = false;
        while (reader.Read())
        {
            ReadOnlySpan<byte> value = reader.ParameterValue;
            switch (reader.ParameterCode)
            {
                case IsupParameterCode.CauseIndicators when type is IsupMessageType.RLC or IsupMessageType.CFN && !cause.IsPresent:
                    cause = ReadCause(value);
                    break;
                case IsupParameterCode.RangeAndStatus:
                    // Read here rather than with the RangeAndStatus view, which copies the status octets to an array.
                    // GRS, CQM and CQR carry the range alone (Q.763 §3.43): a status field there is ignored, not judged.
                    range = value[0];
                    rangeOffset = reader.ParameterOffset;
                    hasStatus = value.Length > 1 && HasStatus(type);
                    if (hasStatus && !TryReadStatus(value, out status))
                    {
                        return new IsupSignalResult(IsupSignalError.InvalidParameter, IsupError.None, rangeOffset, IsupParameterCode.RangeAndStatus);
                    }

                    break;
                case IsupParameterCode.CircuitGroupSupervisionMessageType:
                    CircuitGroupSupervisionMessageType.TryParse(value, out CircuitGroupSupervisionMessageType supervision);
                    supervisionType = supervision.Type;
                    break;
                case IsupParameterCode.CircuitStateIndicator:
                    // The procedures keep no CQR (they only report one), but the signal outlives the input buffer.
                    circuitStates = value.ToArray();
                    break;
                case IsupParameterCode.MessageCompatibilityInformation when !compatibility.IsPresent:
                    compatibility = new MessageCompatibility(value[0]);
                    break;
                default:
                    unknown |= !IsupParameterNames.IsKnown(reader.ParameterCode);
                    break;
            }
        }

        if (HasStatus(type) && !hasStatus)
        {
            // Q.763 §3.43: these carry one status bit per circuit; without them the procedures cannot tell what was acted on.
            return new IsupSignalResult(IsupSignalError.InvalidParameter, IsupError.None, rangeOffset, IsupParameterCode.RangeAndStatus);
        }

        var evaluation = default(ParameterCompatibilityEvaluation);
        if (unknown)
        {
            reader.TryFind(IsupParameterCode.ParameterCompatibilityInformation, out ReadOnlySpan<byte> parameterCompatibility);
            var again = new IsupReader(userData, IsupBodyForm.Mtp3UserData);
            while (again.Read())
            {
                if (!IsupParameterNames.IsKnown(again.ParameterCode))
                {
                    evaluation.Add(again.ParameterCode, parameterCompatibility);
                }
            }
        }

        signal = new IsupSignal
        {
            Type = type,
            Cic = reader.Cic,
            Cause = cause,
            Range = range,
            Status = status,
            SupervisionType = supervisionType,
            CircuitStates = circuitStates,
            Compatibility = compatibility,
            ParameterCompatibility = evaluation.Action,
            UnrecognisedParameter = evaluation.Parameter,
        };
        return IsupSignalResult.Success;
    }

    /// <summary>The group messages whose range and status carries one status bit per circuit.</summary>
    private static bool HasStatus(IsupMessageType type) => type is IsupMessageType.GRA or IsupMessageType.CGB
        or IsupMessageType.CGBA or IsupMessageType.CGU or IsupMessageType.CGUA;

    /// <summary>
    /// Cause indicators (Q.763 §3.12, Q.850 §2.1), read in place: octet 1 (location; extension bit 0 announces octet
    /// 1a), the cause value, then the first diagnostic octet — the one the procedures themselves send. The codec has
    /// checked the octets are there; the view is not used because it copies the diagnostics to an array.
    /// </summary>
    private static IsupCause ReadCause(ReadOnlySpan<byte> value)
    {
        int causeOctet = (value[0] & 0x80) != 0 ? 1 : 2;
        byte? diagnostic = value.Length > causeOctet + 1 ? value[causeOctet + 1] : null;
        return new IsupCause((byte)(value[causeOctet] & 0x7F), (CauseLocation)(value[0] & 0x0F), diagnostic);
    }

    /// <summary>
    /// The status bits of a range and status value (Q.763 §3.43): exactly one bit per circuit of the range, rounded up
    /// to whole octets; bits past the range are spare and ignored.
    /// </summary>
    private static bool TryReadStatus(ReadOnlySpan<byte> value, out CircuitStatusBits status)
    {
        status = default;
        byte range = value[0];
        if (value.Length - 1 != RangeAndStatus.GetStatusLength(range))
        {
            return false;
        }

        for (int i = 0; i <= range; i++)
        {
            if ((value[1 + (i >> 3)] & (1 << (i & 7))) != 0)
            {
                status = status.With(i);
            }
        }

        return true;
    }
}
