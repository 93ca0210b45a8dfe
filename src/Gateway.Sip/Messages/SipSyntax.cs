using System.Buffers;

namespace Gateway.Sip;

/// <summary>Character classes of the RFC 3261 §25 grammar, as vectorisable search sets.</summary>
internal static class SipSyntax
{
    public const byte CR = (byte)'\r';
    public const byte LF = (byte)'\n';
    public const byte SP = (byte)' ';
    public const byte HT = (byte)'\t';
    public const byte Colon = (byte)':';

    /// <summary>The largest CSeq sequence number: RFC 3261 §8.1.1.5 requires it to be below 2**31.</summary>
    public const long MaxCSeqNumber = int.MaxValue;

    /// <summary>The largest Max-Forwards value (RFC 3261 §20.22: 0-255).</summary>
    public const int MaxMaxForwards = 255;

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static readonly SearchValues<byte> Token =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3261 §25.1, from RFC 2396).</summary>
    public static readonly SearchValues<byte> SchemeTail =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."u8);

    /// <summary>
    /// Bytes that can never appear raw in a Request-URI: controls, SP, DEL, non-ASCII and the RFC 2396
    /// "unwise"/delimiter characters (they must be %-escaped). '[' and ']' stay allowed for IPv6 references.
    /// </summary>
    public static readonly SearchValues<byte> NotInUri = SearchValues.Create(BuildNotInUri());

    /// <summary>SP, HTAB, CR and LF: the bytes linear white space (with its folding) is made of.</summary>
    public static readonly SearchValues<byte> LinearWhiteSpace = SearchValues.Create(" \t\r\n"u8);

    public static bool IsWhiteSpace(byte b) => b is SP or HT;

    /// <summary>SP, HTAB, CR or LF: inside a delimited header value, CR and LF only occur in folds.</summary>
    public static bool IsLinearWhiteSpace(byte b) => b is SP or HT or CR or LF;

    /// <summary>Whether a byte is a token character, by table: header names are too short for a vector search to pay.</summary>
    public static bool IsTokenByte(byte b) => TokenTable[b] != 0;

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(Token);

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

    private static byte[] BuildNotInUri()
    {
        var bytes = new List<byte>();
        for (int b = 0; b < 256; b++)
        {
            if (b <= 0x20 || b >= 0x7F || "<>\"{}|\\^`".Contains((char)b))
            {
                bytes.Add((byte)b);
            }
        }

        return bytes.ToArray();
    }
}
