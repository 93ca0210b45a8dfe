namespace Gateway.Isup;

/// <summary>
/// Generic number (Q.763 §3.26): a number qualified by its first octet (6 = additional calling party number, the
/// one SIP's P-Asserted-Identity and From map to). After the qualifier it is laid out like the calling party number,
/// and the screening indicator takes all four values.
/// </summary>
public readonly struct GenericNumber : IIsupParameter<GenericNumber>
{
    /// <summary>Number qualifier: additional calling party number.</summary>
    public const byte AdditionalCallingPartyNumber = 6;

    private readonly string? _digits;

    /// <summary>Creates a generic number.</summary>
    /// <exception cref="ArgumentException">A character is not an address signal, or there are too many.</exception>
    public GenericNumber(
        byte numberQualifier,
        NatureOfAddress natureOfAddress,
        string digits,
        AddressPresentation presentation = AddressPresentation.Allowed,
        ScreeningIndicator screening = ScreeningIndicator.UserProvidedNotVerified,
        NumberingPlan numberingPlan = NumberingPlan.Isdn,
        bool numberIncomplete = false)
    {
        NumberQualifier = numberQualifier;
        NatureOfAddress = natureOfAddress;
        Presentation = presentation;
        Screening = screening;
        NumberingPlan = numberingPlan;
        NumberIncomplete = numberIncomplete;
        _digits = IsupDigits.Check(digits, 3, nameof(digits));
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.GenericNumber;

    /// <summary>The number qualifier indicator (e.g. <see cref="AdditionalCallingPartyNumber"/>).</summary>
    public byte NumberQualifier { get; }

    /// <summary>The nature of address indicator.</summary>
    public NatureOfAddress NatureOfAddress { get; }

    /// <summary>The NI indicator: true when the number is incomplete.</summary>
    public bool NumberIncomplete { get; }

    /// <summary>The numbering plan indicator.</summary>
    public NumberingPlan NumberingPlan { get; }

    /// <summary>The address presentation restricted indicator.</summary>
    public AddressPresentation Presentation { get; }

    /// <summary>The screening indicator.</summary>
    public ScreeningIndicator Screening { get; }

    /// <summary>The address signals (see <see cref="IsupDigits"/>).</summary>
    public string Digits => _digits ?? string.Empty;

    /// <inheritdoc/>
    public int EncodedLength => NumberOctets.GetLength(1, _digits);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out GenericNumber parameter)
    {
        parameter = default;
        if (!NumberOctets.TryParse(value, 1, out var nature, out byte octet2, out string digits))
        {
            return false;
        }

        parameter = new GenericNumber(value[0], nature, digits, (AddressPresentation)((octet2 >> 2) & 0x03), (ScreeningIndicator)(octet2 & 0x03),
            (NumberingPlan)((octet2 >> 4) & 0x07), (octet2 & 0x80) != 0, trusted: true);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int length = NumberOctets.Write(destination, 1, NatureOfAddress, CallingPartyNumber.NumberOctet2(NumberIncomplete, NumberingPlan, Presentation, Screening), _digits);
        destination[0] = NumberQualifier;
        return length;
    }

    private GenericNumber(byte qualifier, NatureOfAddress nature, string digits, AddressPresentation presentation, ScreeningIndicator screening, NumberingPlan plan, bool incomplete, bool trusted)
    {
        _ = trusted;
        NumberQualifier = qualifier;
        NatureOfAddress = nature;
        _digits = digits;
        Presentation = presentation;
        Screening = screening;
        NumberingPlan = plan;
        NumberIncomplete = incomplete;
    }
}
