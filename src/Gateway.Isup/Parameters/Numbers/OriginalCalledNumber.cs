namespace Gateway.Isup;

/// <summary>
/// Original called number (Q.763 §3.39): the number first dialled when a call has been diverted more than once. Octet 2 holds the numbering plan
/// and the presentation restriction; its other bits are spare (there is no screening indicator).
/// </summary>
public readonly struct OriginalCalledNumber : IIsupParameter<OriginalCalledNumber>
{
    private readonly string? _digits;

    /// <summary>Creates an original called number.</summary>
    /// <exception cref="ArgumentException">A character is not an address signal, or there are too many.</exception>
    public OriginalCalledNumber(NatureOfAddress natureOfAddress, string digits, AddressPresentation presentation = AddressPresentation.Allowed, NumberingPlan numberingPlan = NumberingPlan.Isdn)
    {
        NatureOfAddress = natureOfAddress;
        Presentation = presentation;
        NumberingPlan = numberingPlan;
        _digits = IsupDigits.Check(digits, 2, nameof(digits));
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.OriginalCalledNumber;

    /// <summary>The nature of address indicator.</summary>
    public NatureOfAddress NatureOfAddress { get; }

    /// <summary>The numbering plan indicator.</summary>
    public NumberingPlan NumberingPlan { get; }

    /// <summary>The address presentation restricted indicator.</summary>
    public AddressPresentation Presentation { get; }

    /// <summary>The address signals (see <see cref="IsupDigits"/>).</summary>
    public string Digits => _digits ?? string.Empty;

    /// <inheritdoc/>
    public int EncodedLength => NumberOctets.GetLength(0, _digits);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out OriginalCalledNumber parameter)
    {
        parameter = default;
        if (!NumberOctets.TryParse(value, 0, out var nature, out byte octet2, out string digits))
        {
            return false;
        }

        parameter = new OriginalCalledNumber(nature, (NumberingPlan)((octet2 >> 4) & 0x07), (AddressPresentation)((octet2 >> 2) & 0x03), digits);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination) =>
        NumberOctets.Write(destination, 0, NatureOfAddress, (byte)((((byte)NumberingPlan & 0x07) << 4) | (((byte)Presentation & 0x03) << 2)), _digits);

    private OriginalCalledNumber(NatureOfAddress nature, NumberingPlan plan, AddressPresentation presentation, string digits)
    {
        NatureOfAddress = nature;
        NumberingPlan = plan;
        Presentation = presentation;
        _digits = digits;
    }
}
