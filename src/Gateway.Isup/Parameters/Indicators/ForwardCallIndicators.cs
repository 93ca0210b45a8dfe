namespace Gateway.Isup;

/// <summary>
/// Forward call indicators (Q.763 §3.23), a mandatory fixed parameter of the IAM, 2 octets: how the call has been
/// signalled so far. Built with object initialisers (<c>new ForwardCallIndicators { IsupPreference = ... }</c>); bits
/// without a property (octet 2 bits L, P–O) are kept in <see cref="Octet1"/>/<see cref="Octet2"/> as received.
/// </summary>
public readonly struct ForwardCallIndicators : IIsupParameter<ForwardCallIndicators>
{
    private readonly byte _octet1;
    private readonly byte _octet2;

    /// <summary>Creates the indicators from their two octets.</summary>
    public ForwardCallIndicators(byte octet1, byte octet2)
    {
        _octet1 = octet1;
        _octet2 = octet2;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.ForwardCallIndicators;

    /// <summary>Octet 1 (bits H–A).</summary>
    public byte Octet1 { get => _octet1; init => _octet1 = value; }

    /// <summary>Octet 2 (bits P–I).</summary>
    public byte Octet2 { get => _octet2; init => _octet2 = value; }

    /// <summary>Bit A: the call is to be treated as international (false: national).</summary>
    public bool InternationalCall { get => Bits.Get(_octet1, 0); init => _octet1 = Bits.Set(_octet1, 0, value); }

    /// <summary>Bits CB: the end-to-end method available.</summary>
    public EndToEndMethod EndToEndMethod { get => (EndToEndMethod)Bits.Get(_octet1, 1, 2); init => _octet1 = Bits.Set(_octet1, 1, 2, (int)value); }

    /// <summary>Bit D: interworking (with non-SS7 signalling, such as SIP) has been encountered.</summary>
    public bool InterworkingEncountered { get => Bits.Get(_octet1, 3); init => _octet1 = Bits.Set(_octet1, 3, value); }

    /// <summary>Bit E: end-to-end information available (national use).</summary>
    public bool EndToEndInformationAvailable { get => Bits.Get(_octet1, 4); init => _octet1 = Bits.Set(_octet1, 4, value); }

    /// <summary>Bit F: the ISDN user part has been used all the way.</summary>
    public bool IsupUsedAllTheWay { get => Bits.Get(_octet1, 5); init => _octet1 = Bits.Set(_octet1, 5, value); }

    /// <summary>Bits HG: the ISDN user part preference.</summary>
    public IsupPreference IsupPreference { get => (IsupPreference)Bits.Get(_octet1, 6, 2); init => _octet1 = Bits.Set(_octet1, 6, 2, (int)value); }

    /// <summary>Bit I: the originating access is ISDN.</summary>
    public bool OriginatingAccessIsdn { get => Bits.Get(_octet2, 0); init => _octet2 = Bits.Set(_octet2, 0, value); }

    /// <summary>Bits KJ: the SCCP method.</summary>
    public SccpMethod SccpMethod { get => (SccpMethod)Bits.Get(_octet2, 1, 2); init => _octet2 = Bits.Set(_octet2, 1, 2, (int)value); }

    /// <summary>Bit M: the number has been translated for number portability (national/network option).</summary>
    public bool PortedNumberTranslated { get => Bits.Get(_octet2, 4); init => _octet2 = Bits.Set(_octet2, 4, value); }

    /// <summary>Bit N: a query on release routing attempt is in progress (network option).</summary>
    public bool QueryOnReleaseAttempt { get => Bits.Get(_octet2, 5); init => _octet2 = Bits.Set(_octet2, 5, value); }

    /// <inheritdoc/>
    public int EncodedLength => 2;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out ForwardCallIndicators parameter)
    {
        parameter = value.Length == 2 ? new ForwardCallIndicators(value[0], value[1]) : default;
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
