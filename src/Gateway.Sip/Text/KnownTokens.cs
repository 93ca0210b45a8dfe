namespace Gateway.Sip;

/// <summary>
/// Shared strings for tokens that occur in nearly every message (method names, common option tags), so that parsing
/// them allocates nothing. Matching is exact: method names are case-sensitive (RFC 3261 §7.1).
/// </summary>
internal static class KnownTokens
{
    private static readonly string[] Methods =
    [
        "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK", "UPDATE", "INFO",
        "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    private static readonly string[] OptionTags =
    [
        "100rel", "timer", "replaces", "precondition", "path", "gruu", "outbound", "norefersub", "histinfo",
        "resource-priority", "from-change", "tdialog", "join", "eventlist", "199", "sec-agree", "privacy",
    ];

    /// <summary>The method name as a string, shared when it is one of the RFC-defined methods.</summary>
    public static string Method(ReadOnlySpan<byte> token) => Lookup(Methods, token);

    /// <summary>The option tag as a string, shared when it is a common one.</summary>
    public static string OptionTag(ReadOnlySpan<byte> token) => Lookup(OptionTags, token);

    private static string Lookup(string[] known, ReadOnlySpan<byte> token)
    {
        foreach (string candidate in known)
        {
            if (candidate.Length == token.Length && Matches(candidate, token))
            {
                return candidate;
            }
        }

        return SipSyntax.GetString(token);
    }

    private static bool Matches(string candidate, ReadOnlySpan<byte> token)
    {
        for (int i = 0; i < token.Length; i++)
        {
            if (candidate[i] != token[i])
            {
                return false;
            }
        }

        return true;
    }
}
