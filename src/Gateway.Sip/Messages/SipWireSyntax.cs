using System.Buffers;

namespace Gateway.Sip;

/// <summary>
/// What the message parser and writer need of the RFC 3261 §25 grammar beyond <see cref="SipCharacters"/>: limits and
/// vectorisable search sets for whole-line scans.
/// </summary>
internal static class SipWireSyntax
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
