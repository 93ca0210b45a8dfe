namespace Gateway.Isup;

/// <summary>
/// Generic number (Q.763 §3.26): a number qualified by its first octet (6 = additional calling party number, the
/// one SIP's P-Asserted-Identity and From map to). After the qualifier it is laid out exactly like the calling party
/// number, so it is one — only the screening indicator may take all four values here.
/// </summary>
public readonly struct GenericNumber : IIsupParameter<GenericNumber>
{
    /// <summary>Number qualifier: additional calling party number.</summary>
    public const byte AdditionalCallingPartyNumber = 6;

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
        : this(numberQualifier, new CallingPartyNumber(natureOfAddress, digits, presentation, screening, numberingPlan, numberIncomplete))
    {
        if (EncodedLength > 255)
        {
            throw new ArgumentException("Too many address signals for one parameter.", nameof(digits));
        }
    }

    private GenericNumber(byte qualifier, CallingPartyNumber number)
    {
        NumberQualifier = qualifier;
        Number = number;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.GenericNumber;

    /// <summary>The number qualifier indicator (e.g. <see cref="AdditionalCallingPartyNumber"/>).</summary>
    public byte NumberQualifier { get; }

    /// <summary>The nature of address indicator.</summary>
    public NatureOfAddress NatureOfAddress => Number.NatureOfAddress;

    /// <summary>The NI indicator: true when the number is incomplete.</summary>
    public bool NumberIncomplete => Number.NumberIncomplete;

    /// <summary>The numbering plan indicator.</summary>
    public NumberingPlan NumberingPlan => Number.NumberingPlan;

    /// <summary>The address presentation restricted indicator.</summary>
    public AddressPresentation Presentation => Number.Presentation;

    /// <summary>The screening indicator.</summary>
    public ScreeningIndicator Screening => Number.Screening;

    /// <summary>The address signals (see <see cref="IsupDigits"/>).</summary>
    public string Digits => Number.Digits;

    /// <inheritdoc/>
    public int EncodedLength => 1 + Number.EncodedLength;

    /// <summary>The number after the qualifier octet.</summary>
    private CallingPartyNumber Number { get; }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out GenericNumber parameter)
    {
        parameter = default;
        if (value.IsEmpty || !CallingPartyNumber.TryParse(value[1..], out CallingPartyNumber number))
        {
            return false;
        }

        parameter = new GenericNumber(value[0], number);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = NumberQualifier;
        return 1 + Number.Write(destination[1..]);
    }
}
