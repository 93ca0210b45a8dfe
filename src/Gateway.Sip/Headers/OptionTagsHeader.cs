namespace Gateway.Sip;

/// <summary>
/// The option-tag lists of Require, Proxy-Require, Supported and Unsupported (RFC 3261 §20.29, §20.32, §20.37,
/// §20.40): comma-separated tokens such as <c>100rel</c>, <c>timer</c>, <c>replaces</c>.
/// </summary>
public static class OptionTagsHeader
{
    /// <summary>Parses the option tags into <paramref name="into"/>; on failure nothing is added.</summary>
    /// <param name="value">The raw header value.</param>
    /// <param name="into">Receives the tags, in order; common tags are shared strings.</param>
    /// <param name="allowEmpty">
    /// Whether an empty value is valid: true for Supported (<c>[option-tag *(COMMA option-tag)]</c>), false for
    /// Require, Proxy-Require and Unsupported, which need at least one tag.
    /// </param>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<string> into, bool allowEmpty = false) =>
        TokenList.TryParse(value, into, allowEmpty, KnownTokens.OptionTag);
}
