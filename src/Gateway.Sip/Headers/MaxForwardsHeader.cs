namespace Gateway.Sip;

/// <summary>The Max-Forwards header (RFC 3261 §20.22): a hop count from 0 to 255.</summary>
public static class MaxForwardsHeader
{
    /// <summary>Parses the value; leading zeros are allowed (RFC 4475 wsinv <c>0068</c>).</summary>
    /// <returns>False when the value is not 1*DIGIT or exceeds 255 (RFC 4475 scalar02).</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, out int hops)
    {
        bool valid = SipSyntax.TryParseNumber(SipSyntax.TrimLinearWhitespace(value), 255, out long number);
        hops = valid ? (int)number : 0;
        return valid;
    }
}
