namespace Gateway.Isup;

/// <summary>
/// Backward call indicators (Q.763 §3.5), 2 octets: mandatory in ACM and CON, optional in CPG and ANM. What the
/// called side reports about charging, the called party and the path; the called party's status is what tells
/// SIP 180 from 183 when an ACM arrives.
/// </summary>
public readonly struct BackwardCallIndicators : IIsupParameter<BackwardCallIndicators>
{
    private readonly byte _octet1;
    private readonly byte _octet2;

    /// <summary>Creates the indicators from their two octets.</summary>
    public BackwardCallIndicators(byte octet1, byte octet2)
    {
        _octet1 = octet1;
        _octet2 = octet2;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.BackwardCallIndicators;

    /// <summary>Octet 1 (bits H–A).</summary>
    public byte Octet1 { get => _octet1; init => _octet1 = value; }

    /// <summary>Octet 2 (bits P–I).</summary>
    public byte Octet2 { get => _octet2; init => _octet2 = value; }

    /// <summary>Bits BA: the charge indicator.</summary>
    public ChargeIndicator Charge { get => (ChargeIndicator)Bits.Get(_octet1, 0, 2); init => _octet1 = Bits.Set(_octet1, 0, 2, (int)value); }

    /// <summary>Bits DC: the called party's status.</summary>
    public CalledPartyStatus CalledPartyStatus { get => (CalledPartyStatus)Bits.Get(_octet1, 2, 2); init => _octet1 = Bits.Set(_octet1, 2, 2, (int)value); }

    /// <summary>Bits FE: the called party's category.</summary>
    public CalledPartyCategory CalledPartyCategory { get => (CalledPartyCategory)Bits.Get(_octet1, 4, 2); init => _octet1 = Bits.Set(_octet1, 4, 2, (int)value); }

    /// <summary>Bits HG: the end-to-end method available.</summary>
    public EndToEndMethod EndToEndMethod { get => (EndToEndMethod)Bits.Get(_octet1, 6, 2); init => _octet1 = Bits.Set(_octet1, 6, 2, (int)value); }

    /// <summary>Bit I: interworking has been encountered.</summary>
    public bool InterworkingEncountered { get => Bits.Get(_octet2, 0); init => _octet2 = Bits.Set(_octet2, 0, value); }

    /// <summary>Bit J: end-to-end information available (national use).</summary>
    public bool EndToEndInformationAvailable { get => Bits.Get(_octet2, 1); init => _octet2 = Bits.Set(_octet2, 1, value); }

    /// <summary>Bit K: the ISDN user part has been used all the way.</summary>
    public bool IsupUsedAllTheWay { get => Bits.Get(_octet2, 2); init => _octet2 = Bits.Set(_octet2, 2, value); }

    /// <summary>Bit L: holding requested (national use).</summary>
    public bool HoldingRequested { get => Bits.Get(_octet2, 3); init => _octet2 = Bits.Set(_octet2, 3, value); }

    /// <summary>Bit M: the terminating access is ISDN.</summary>
    public bool TerminatingAccessIsdn { get => Bits.Get(_octet2, 4); init => _octet2 = Bits.Set(_octet2, 4, value); }

    /// <summary>Bit N: an incoming echo control device is included.</summary>
    public bool EchoControlDeviceIncluded { get => Bits.Get(_octet2, 5); init => _octet2 = Bits.Set(_octet2, 5, value); }

    /// <summary>Bits PO: the SCCP method.</summary>
    public SccpMethod SccpMethod { get => (SccpMethod)Bits.Get(_octet2, 6, 2); init => _octet2 = Bits.Set(_octet2, 6, 2, (int)value); }

    /// <inheritdoc/>
    public int EncodedLength => 2;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out BackwardCallIndicators parameter)
    {
        parameter = value.Length == 2 ? new BackwardCallIndicators(value[0], value[1]) : default;
        return value.Length == 2;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[1] = _octet2;
        destination[0] = _octet1;
        return 2;
    }
}
