namespace Gateway.Isup;

/// <summary>
/// Calling party number (Q.763 §3.10): who calls, with what may be shown of it. Octet 2 holds the number
/// incomplete indicator, the numbering plan, the presentation restriction and the screening indicator. With
/// presentation "address not available" Q.763 sends no address signals at all.
/// </summary>
public readonly struct CallingPartyNumber : IIsupParameter<CallingPartyNumber>
{
    private readonly string? _digits;

    /// <summary>Creates a calling party number (no ST: Q.763 gives the calling number none).</summary>
    /// <exception cref="ArgumentException">A character is not an address signal, or there are too many.</exception>
    public CallingPartyNumber(
        NatureOfAddress natureOfAddress,
        string digits,
        AddressPresentation presentation = AddressPresentation.Allowed,
        ScreeningIndicator screening = ScreeningIndicator.NetworkProvided,
        NumberingPlan numberingPlan = NumberingPlan.Isdn,
        bool numberIncomplete = false)
    {
        NatureOfAddress = natureOfAddress;
        Presentation = presentation;
        Screening = screening;
        NumberingPlan = numberingPlan;
        NumberIncomplete = numberIncomplete;
        _digits = IsupDigits.Check(digits, 2, nameof(digits));
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.CallingPartyNumber;

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
    public int EncodedLength => NumberOctets.GetLength(0, _digits);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CallingPartyNumber parameter)
    {
        parameter = default;
        if (!NumberOctets.TryParse(value, 0, out var nature, out byte octet2, out string digits))
        {
            return false;
        }

        parameter = new CallingPartyNumber(nature, digits, (AddressPresentation)((octet2 >> 2) & 0x03), (ScreeningIndicator)(octet2 & 0x03),
            (NumberingPlan)((octet2 >> 4) & 0x07), (octet2 & 0x80) != 0, trusted: true);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination) =>
        NumberOctets.Write(destination, 0, NatureOfAddress, NumberOctet2(NumberIncomplete, NumberingPlan, Presentation, Screening), _digits);

    internal static byte NumberOctet2(bool incomplete, NumberingPlan plan, AddressPresentation presentation, ScreeningIndicator screening) =>
        (byte)((incomplete ? 0x80 : 0) | (((byte)plan & 0x07) << 4) | (((byte)presentation & 0x03) << 2) | ((byte)screening & 0x03));

    private CallingPartyNumber(NatureOfAddress nature, string digits, AddressPresentation presentation, ScreeningIndicator screening, NumberingPlan plan, bool incomplete, bool trusted)
    {
        _ = trusted;
        NatureOfAddress = nature;
        _digits = digits;
        Presentation = presentation;
        Screening = screening;
        NumberingPlan = plan;
        NumberIncomplete = incomplete;
    }
}
