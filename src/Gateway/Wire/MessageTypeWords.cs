using System.Globalization;
using Gateway.Isup;
using Gateway.M3ua;

namespace Gateway.Wire;

/// <summary>
/// The message-type label of a message's bytes, as a string made once: counting a message must not format one.
/// SIP: the method, or the status code; M3UA: RFC 4666's acronym; ISUP: Q.763's acronym. Unknown types read "other".
/// </summary>
public static class MessageTypeWords
{
    public const string Other = "other";

    private static readonly string[] SipMethods =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "PRACK", "UPDATE", "REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE"];

    private static readonly byte[][] SipMethodBytes = Encode(SipMethods);

    private static readonly string[] StatusCodes = CreateStatusCodes();

    // M3UA types are (class << 8) | type with classes 0-10 and types below 16 in RFC 4666.
    private static readonly string[] M3uaTypes = CreateM3uaTypes();

    private static readonly string[] IsupTypes = CreateIsupTypes();

    /// <summary>The SIP method of a request, or the status code of a response.</summary>
    public static string Sip(ReadOnlySpan<byte> message)
    {
        if (message.StartsWith("SIP/2.0 "u8) && message.Length >= 11)
        {
            int code = 0;
            for (int i = 8; i < 11; i++)
            {
                int digit = message[i] - (byte)'0';
                if ((uint)digit > 9) return Other;
                code = code * 10 + digit;
            }
            return code is >= 100 and <= 699 ? StatusCodes[code - 100] : Other;
        }

        int space = message.IndexOf((byte)' ');
        if (space <= 0) return Other;
        ReadOnlySpan<byte> method = message[..space];
        for (int i = 0; i < SipMethodBytes.Length; i++)
        {
            if (method.SequenceEqual(SipMethodBytes[i])) return SipMethods[i];
        }
        return Other;
    }

    /// <summary>The M3UA message's acronym from its common header.</summary>
    public static string M3ua(ReadOnlySpan<byte> message)
    {
        if (message.Length < 4) return Other;
        int index = message[2] * 16 + message[3];
        return message[2] <= 10 && message[3] < 16 ? M3uaTypes[index] : Other;
    }

    /// <summary>The ISUP message's acronym from its type octet.</summary>
    public static string Isup(byte messageType) => IsupTypes[messageType];

    private static byte[][] Encode(string[] words)
    {
        var bytes = new byte[words.Length][];
        for (int i = 0; i < words.Length; i++) bytes[i] = System.Text.Encoding.ASCII.GetBytes(words[i]);
        return bytes;
    }

    private static string[] CreateStatusCodes()
    {
        var codes = new string[600];
        for (int i = 0; i < codes.Length; i++) codes[i] = (i + 100).ToString(CultureInfo.InvariantCulture);
        return codes;
    }

    private static string[] CreateM3uaTypes()
    {
        var names = new string[11 * 16];
        for (int c = 0; c <= 10; c++)
        {
            for (int t = 0; t < 16; t++)
            {
                names[c * 16 + t] = M3uaMessageNames.GetAcronym((M3uaMessageType)((c << 8) | t))?.Replace(' ', '_') ?? Other;
            }
        }
        return names;
    }

    private static string[] CreateIsupTypes()
    {
        var names = new string[256];
        for (int i = 0; i < names.Length; i++) names[i] = IsupMessageNames.GetAcronym((IsupMessageType)i) ?? Other;
        return names;
    }
}
