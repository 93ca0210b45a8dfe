namespace Gateway.Isup;

/// <summary>Event information (Q.763 §3.21), the mandatory fixed parameter of the CPG, 1 octet: which progress event it reports.</summary>
public readonly struct EventInformation : IIsupParameter<EventInformation>
{
    /// <summary>Creates the parameter.</summary>
    public EventInformation(EventIndicator indicator, bool presentationRestricted = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)indicator, (byte)0x7F, nameof(indicator));
        Indicator = indicator;
        PresentationRestricted = presentationRestricted;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.EventInformation;

    /// <summary>Bits G–A: the event.</summary>
    public EventIndicator Indicator { get; }

    /// <summary>Bit H: the event presentation restricted indicator.</summary>
    public bool PresentationRestricted { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out EventInformation parameter)
    {
        parameter = value.Length == 1 ? new EventInformation((EventIndicator)(value[0] & 0x7F), (value[0] & 0x80) != 0) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = (byte)((PresentationRestricted ? 0x80 : 0) | (byte)Indicator);
        return 1;
    }
}
