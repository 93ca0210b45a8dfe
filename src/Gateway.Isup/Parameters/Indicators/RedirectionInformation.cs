namespace Gateway.Isup;

/// <summary>
/// Redirection information (Q.763 §3.45), 2 octets (Q.763 allows the first alone): how and why the call was
/// diverted, and how many times, which SIP's History-Info and Diversion headers carry.
/// </summary>
public readonly struct RedirectionInformation : IIsupParameter<RedirectionInformation>
{
    /// <summary>Creates the parameter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value does not fit its field.</exception>
    public RedirectionInformation(RedirectingIndicator indicator, RedirectingReason reason, int counter, RedirectingReason originalReason = RedirectingReason.Unknown)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)indicator, (byte)7, nameof(indicator));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)reason, (byte)15, nameof(reason));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)originalReason, (byte)15, nameof(originalReason));
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counter, 7);
        Indicator = indicator;
        Reason = reason;
        Counter = (byte)counter;
        OriginalReason = originalReason;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.RedirectionInformation;

    /// <summary>Octet 1 bits CBA: the redirecting indicator.</summary>
    public RedirectingIndicator Indicator { get; }

    /// <summary>Octet 1 bits H–E: the original redirection reason.</summary>
    public RedirectingReason OriginalReason { get; }

    /// <summary>Octet 2 bits CBA: the redirection counter (1–5 in use).</summary>
    public byte Counter { get; }

    /// <summary>Octet 2 bits H–E: the redirecting reason.</summary>
    public RedirectingReason Reason { get; }

    /// <inheritdoc/>
    public int EncodedLength => 2;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RedirectionInformation parameter)
    {
        parameter = default;
        if (value.Length is < 1 or > 2)
        {
            return false;
        }

        byte second = value.Length == 2 ? value[1] : (byte)0;
        parameter = new RedirectionInformation((RedirectingIndicator)(value[0] & 0x07), (RedirectingReason)(second >> 4), second & 0x07, (RedirectingReason)(value[0] >> 4));
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[1] = (byte)(((byte)Reason << 4) | Counter);
        destination[0] = (byte)(((byte)OriginalReason << 4) | (byte)Indicator);
        return 2;
    }
}
