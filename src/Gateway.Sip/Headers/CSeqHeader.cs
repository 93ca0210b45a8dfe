namespace Gateway.Sip;

/// <summary>
/// The CSeq header (RFC 3261 §20.16): <c>1*DIGIT LWS Method</c>, e.g. <c>4711 INVITE</c>.
/// </summary>
/// <param name="Number">The sequence number, 0 to 2^31-1 (§8.1.1.5: it must be less than 2^31).</param>
/// <param name="Method">The method, case-sensitive; RFC methods are shared strings, so parsing them allocates nothing.</param>
public readonly record struct CSeqHeader(int Number, string Method)
{
    /// <summary>Parses a CSeq value; leading zeros and folded whitespace are allowed (RFC 4475 wsinv).</summary>
    /// <returns>False for a number of 2^31 or more (RFC 4475 scalar02, scalarlg), a missing space or a method that is not a token.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, out CSeqHeader result)
    {
        result = default;
        value = SipSyntax.TrimLinearWhitespace(value);
        int i = 0;
        if (!SipSyntax.TryParseDigits(value, ref i, int.MaxValue, out long number))
        {
            return false;
        }

        int methodStart = SipSyntax.SkipLinearWhitespace(value, i);
        if (methodStart == i || SipSyntax.ScanToken(value, methodStart) != value.Length || methodStart == value.Length)
        {
            return false;
        }

        result = new CSeqHeader((int)number, KnownTokens.Method(value[methodStart..]));
        return true;
    }

    /// <summary>The value as written on the wire: <c>4711 INVITE</c>.</summary>
    public override string ToString() => $"{Number} {Method}";
}
