namespace Gateway.Sip;

/// <summary>Byte classification for the SIP grammar: one table, built once, looked up per byte.</summary>
internal static class SipCharacters
{
    private static readonly SipCharacterClass[] Table = Build();

    /// <summary>Whether <paramref name="b"/> belongs to any of the sets in <paramref name="classes"/>.</summary>
    public static bool Is(byte b, SipCharacterClass classes) => (Table[b] & classes) != 0;

    public static bool IsAlpha(byte b) => (Table[b] & SipCharacterClass.Alpha) != 0;

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAlphaNumeric(byte b) => (Table[b] & SipCharacterClass.AlphaNumeric) != 0;

    public static bool IsHexDigit(byte b) => (Table[b] & SipCharacterClass.HexDigit) != 0;

    /// <summary>By a constant table rather than the class table: header names are scanned byte by byte on the hot path.</summary>
    public static bool IsToken(byte b) => TokenTable[b] != 0;

    // 1 for the token characters of RFC 3261 §25.1, indexed by byte value. A static ReadOnlySpan over a
    // constant array is read straight from the assembly's data, with no allocation.
    private static ReadOnlySpan<byte> TokenTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>The value of one hexadecimal digit; the caller has checked <see cref="IsHexDigit"/>.</summary>
    public static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static SipCharacterClass[] Build()
    {
        var table = new SipCharacterClass[256];
        for (int c = 'a'; c <= 'z'; c++)
        {
            table[c] |= SipCharacterClass.Alpha;
            table[c - 32] |= SipCharacterClass.Alpha;
        }

        for (int c = '0'; c <= '9'; c++)
        {
            table[c] |= SipCharacterClass.Digit | SipCharacterClass.HexDigit;
        }

        for (int c = 'a'; c <= 'f'; c++)
        {
            table[c] |= SipCharacterClass.HexDigit;
            table[c - 32] |= SipCharacterClass.HexDigit;
        }

        Mark(table, "-_.!~*'()", SipCharacterClass.Mark);
        Mark(table, "-.!%*_+`'~", SipCharacterClass.TokenSymbol);
        Mark(table, "&=+$,;?/", SipCharacterClass.UserUnreserved);
        Mark(table, "&=+$,", SipCharacterClass.PasswordSymbol);
        Mark(table, "[]/:&+$", SipCharacterClass.ParamUnreserved);
        Mark(table, "[]/?:+$", SipCharacterClass.HeaderUnreserved);
        Mark(table, "()<>:\\\"/[]?{}", SipCharacterClass.WordSymbol);
        Mark(table, ";/?:@&=+$,", SipCharacterClass.Reserved);
        Mark(table, "'()+_,-./:=? ", SipCharacterClass.BoundarySymbol);
        return table;
    }

    private static void Mark(SipCharacterClass[] table, string characters, SipCharacterClass characterClass)
    {
        foreach (char c in characters)
        {
            table[c] |= characterClass;
        }
    }
}
