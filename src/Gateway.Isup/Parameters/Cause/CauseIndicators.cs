namespace Gateway.Isup;

/// <summary>
/// Cause indicators (Q.763 §3.12, coded as Q.850 §2.1): why a call is released or refused. Octet 1 holds the coding
/// standard and location; octet 1a, the recommendation, is present only when octet 1's extension bit is 0 (ISUP
/// normally leaves it out); octet 2 is the cause value; diagnostics, when any, follow.
/// </summary>
public readonly struct CauseIndicators : IIsupParameter<CauseIndicators>
{
    private readonly byte[]? _diagnostics;

    /// <summary>Creates cause indicators.</summary>
    /// <param name="causeValue">The Q.850 cause value, 0–127 (16 normal call clearing, 17 user busy...).</param>
    /// <param name="location">Where the cause was generated.</param>
    /// <param name="codingStandard">The coding standard; ITU-T unless relaying another.</param>
    /// <param name="recommendation">Octet 1a (0–127), or null to leave it out as ISUP normally does.</param>
    /// <param name="diagnostics">Diagnostic octets, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value does not fit its field.</exception>
    public CauseIndicators(int causeValue, CauseLocation location, CauseCodingStandard codingStandard = CauseCodingStandard.ItuT, byte? recommendation = null, byte[]? diagnostics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(causeValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(causeValue, 127);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)location, (byte)15, nameof(location));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)codingStandard, (byte)3, nameof(codingStandard));
        if (recommendation > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(recommendation), recommendation, "The recommendation field has 7 bits.");
        }

        if (diagnostics?.Length > 250)
        {
            throw new ArgumentOutOfRangeException(nameof(diagnostics), "Too many diagnostic octets for one parameter.");
        }

        CauseValue = (byte)causeValue;
        Location = location;
        CodingStandard = codingStandard;
        Recommendation = recommendation;
        _diagnostics = diagnostics;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.CauseIndicators;

    /// <summary>The coding standard.</summary>
    public CauseCodingStandard CodingStandard { get; }

    /// <summary>The location.</summary>
    public CauseLocation Location { get; }

    /// <summary>Octet 1a, when present.</summary>
    public byte? Recommendation { get; }

    /// <summary>The cause value, 0–127: class in the high 3 bits, value within the class in the low 4.</summary>
    public byte CauseValue { get; }

    /// <summary>The cause class (cause value's high 3 bits): 0–1 normal event, 2 resource unavailable, 3 service not available...</summary>
    public int CauseClass => CauseValue >> 4;

    /// <summary>The diagnostic octets (empty when none).</summary>
    public ReadOnlyMemory<byte> Diagnostics => _diagnostics;

    /// <inheritdoc/>
    public int EncodedLength => 2 + (Recommendation.HasValue ? 1 : 0) + (_diagnostics?.Length ?? 0);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CauseIndicators parameter)
    {
        parameter = default;
        if (value.Length < 2)
        {
            return false;
        }

        byte? recommendation = null;
        int causeOctet = 1;
        if ((value[0] & 0x80) == 0)
        {
            if (value.Length < 3)
            {
                return false;
            }

            recommendation = (byte)(value[1] & 0x7F);
            causeOctet = 2;
        }

        byte[]? diagnostics = value.Length > causeOctet + 1 ? value[(causeOctet + 1)..].ToArray() : null;
        parameter = new CauseIndicators(value[causeOctet] & 0x7F, (CauseLocation)(value[0] & 0x0F), (CauseCodingStandard)((value[0] >> 5) & 0x03), recommendation, diagnostics);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the cause indicators.", nameof(destination));
        }

        int position = 0;
        destination[position++] = (byte)((Recommendation.HasValue ? 0 : 0x80) | ((byte)CodingStandard << 5) | (byte)Location);
        if (Recommendation is { } recommendation)
        {
            destination[position++] = (byte)(0x80 | recommendation);
        }

        destination[position++] = (byte)(0x80 | CauseValue);
        _diagnostics?.CopyTo(destination[position..]);
        return length;
    }
}
