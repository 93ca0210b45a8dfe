namespace Gateway.Isup;

/// <summary>
/// Called party number (Q.763 §3.9), the mandatory variable parameter of the IAM: where the call goes. Octet 2
/// holds the INN indicator and the numbering plan; its low 4 bits are spare.
/// </summary>
public readonly struct CalledPartyNumber : IIsupParameter<CalledPartyNumber>
{
    private readonly string? _digits;

    /// <summary>Creates a called party number; add <c>F</c> (ST) to the digits to say the number is complete.</summary>
    /// <exception cref="ArgumentException">A character is not an address signal, or there are too many.</exception>
    public CalledPartyNumber(NatureOfAddress natureOfAddress, string digits, NumberingPlan numberingPlan = NumberingPlan.Isdn, bool internalNetworkNumberNotAllowed = false)
    {
        NatureOfAddress = natureOfAddress;
        NumberingPlan = numberingPlan;
        InternalNetworkNumberNotAllowed = internalNetworkNumberNotAllowed;
        _digits = IsupDigits.Check(digits, 2, nameof(digits));
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.CalledPartyNumber;

    /// <summary>The nature of address indicator.</summary>
    public NatureOfAddress NatureOfAddress { get; }

    /// <summary>The INN indicator: true when routing to an internal network number is not allowed.</summary>
    public bool InternalNetworkNumberNotAllowed { get; }

    /// <summary>The numbering plan indicator.</summary>
    public NumberingPlan NumberingPlan { get; }

    /// <summary>The address signals (see <see cref="IsupDigits"/>), including a final <c>F</c> for ST.</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>Whether the last signal is ST (end of pulsing): the number is complete.</summary>
    public bool HasEndOfPulsing => Digits.EndsWith('F');

    /// <summary>Whether the number of address signals is odd (the O/E indicator).</summary>
    public bool IsOdd => Digits.Length % 2 == 1;

    /// <inheritdoc/>
    public int EncodedLength => NumberOctets.GetLength(0, _digits);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CalledPartyNumber parameter)
    {
        parameter = default;
        if (!NumberOctets.TryParse(value, 0, out var nature, out byte octet2, out string digits))
        {
            return false;
        }

        parameter = new CalledPartyNumber(nature, (NumberingPlan)((octet2 >> 4) & 0x07), (octet2 & 0x80) != 0, digits);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination) =>
        NumberOctets.Write(destination, 0, NatureOfAddress, (byte)((InternalNetworkNumberNotAllowed ? 0x80 : 0) | (((byte)NumberingPlan & 0x07) << 4)), _digits);

    private CalledPartyNumber(NatureOfAddress nature, NumberingPlan plan, bool inn, string digits)
    {
        NatureOfAddress = nature;
        NumberingPlan = plan;
        InternalNetworkNumberNotAllowed = inn;
        _digits = digits;
    }
}
