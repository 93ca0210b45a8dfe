namespace Gateway.Isup;

/// <summary>
/// Optional backward call indicators (Q.763 §3.37), 1 octet. In-band information available is what turns an ACM or
/// CPG into SIP 183 with early media.
/// </summary>
public readonly struct OptionalBackwardCallIndicators : IIsupParameter<OptionalBackwardCallIndicators>
{
    private readonly byte _octet;

    /// <summary>Creates the indicators from their octet.</summary>
    public OptionalBackwardCallIndicators(byte octet) => _octet = octet;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.OptionalBackwardCallIndicators;

    /// <summary>The octet.</summary>
    public byte Octet { get => _octet; init => _octet = value; }

    /// <summary>Bit A: in-band information or an appropriate pattern is now available.</summary>
    public bool InBandInformationAvailable { get => Bits.Get(_octet, 0); init => _octet = Bits.Set(_octet, 0, value); }

    /// <summary>Bit B: call diversion may occur.</summary>
    public bool CallDiversionMayOccur { get => Bits.Get(_octet, 1); init => _octet = Bits.Set(_octet, 1, value); }

    /// <summary>Bit C: additional information will be sent in a segmentation message.</summary>
    public bool SimpleSegmentation { get => Bits.Get(_octet, 2); init => _octet = Bits.Set(_octet, 2, value); }

    /// <summary>Bit D: the MLPP user indicator.</summary>
    public bool MlppUser { get => Bits.Get(_octet, 3); init => _octet = Bits.Set(_octet, 3, value); }

    /// <summary>Bits H–E, reserved for national use.</summary>
    public int NationalUse { get => Bits.Get(_octet, 4, 4); init => _octet = Bits.Set(_octet, 4, 4, value); }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out OptionalBackwardCallIndicators parameter)
    {
        parameter = value.Length == 1 ? new OptionalBackwardCallIndicators(value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = _octet;
        return 1;
    }
}
