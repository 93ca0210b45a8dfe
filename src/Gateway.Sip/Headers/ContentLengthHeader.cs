namespace Gateway.Sip;

/// <summary>The Content-Length header (RFC 3261 §20.14): the body size in octets.</summary>
public static class ContentLengthHeader
{
    /// <summary>Parses the value.</summary>
    /// <returns>False unless the value is 1*DIGIT that fits an <see cref="int"/> (RFC 4475 ncl: <c>-999</c>).</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, out int length)
    {
        bool valid = SipSyntax.TryParseNumber(SipSyntax.TrimLinearWhitespace(value), int.MaxValue, out long number);
        length = valid ? (int)number : 0;
        return valid;
    }
}
