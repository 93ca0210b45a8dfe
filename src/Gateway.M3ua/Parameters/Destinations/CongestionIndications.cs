namespace Gateway.M3ua;

/// <summary>
/// Congestion Indications (RFC 4666 §3.4.4, tag 0x0205), in SCON: three reserved octets (sent as 0, ignored on
/// receipt), then the congestion level. Levels above 3 are not valid and do not read (Invalid Parameter Value).
/// </summary>
/// <param name="Level">The level.</param>
public readonly record struct CongestionIndications(M3uaCongestionLevel Level) : IM3uaParameter<CongestionIndications>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.CongestionIndications;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CongestionIndications parameter)
    {
        bool ok = value.Length == 4 && value[3] <= 3;
        parameter = ok ? new CongestionIndications((M3uaCongestionLevel)value[3]) : default;
        return ok;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[..3].Clear();
        destination[3] = (byte)Level;
        return 4;
    }
}
