namespace Gateway.Sip;

/// <summary>The Allow header (RFC 3261 §20.5): <c>[Method *(COMMA Method)]</c>.</summary>
public static class AllowHeader
{
    /// <summary>Parses the methods into <paramref name="into"/> (an empty value is valid); on failure nothing is added.</summary>
    /// <remarks>Methods are case-sensitive tokens; the RFC methods are shared strings.</remarks>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<string> into) =>
        TokenList.TryParse(value, into, allowEmpty: true, KnownTokens.Method);
}
