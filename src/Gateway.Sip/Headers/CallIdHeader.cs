using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>The Call-ID header (RFC 3261 §20.8): <c>word [ "@" word ]</c>, compared case-sensitively.</summary>
public static class CallIdHeader
{
    /// <summary>Parses the value.</summary>
    /// <returns>
    /// False when it is empty, holds whitespace, has more than one <c>@</c> or a character outside <c>word</c>.
    /// A <c>%</c> is an ordinary word character here, not an escape (RFC 4475 esc02, intmeth).
    /// </returns>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? callId)
    {
        callId = null;
        value = SipSyntax.TrimLinearWhitespace(value);
        int at = value.IndexOf((byte)'@');
        ReadOnlySpan<byte> first = at < 0 ? value : value[..at];
        ReadOnlySpan<byte> second = at < 0 ? "x"u8 : value[(at + 1)..];
        if (!IsWord(first) || !IsWord(second))
        {
            return false;
        }

        callId = SipSyntax.GetString(value);
        return true;
    }

    private static bool IsWord(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (byte b in text)
        {
            if (!SipCharacters.Is(b, SipCharacterClass.Word))
            {
                return false;
            }
        }

        return true;
    }
}
