using System.Text;

namespace Gateway.Logging;

/// <summary>Sanitising of the ASCII header fields of syslog lines.</summary>
internal static class SyslogFieldText
{
    /// <summary>RFC 5424 NILVALUE.</summary>
    public const byte Nil = (byte)'-';

    /// <summary>
    /// Returns the ASCII bytes of <paramref name="value"/> restricted to PRINTUSASCII (33..126),
    /// other characters replaced by '_' and the result cut to <paramref name="maxLength"/>;
    /// <c>-</c> when empty. Characters in <paramref name="alsoReplace"/> are replaced too.
    /// </summary>
    public static byte[] ToHeaderField(string? value, int maxLength, string alsoReplace = "")
    {
        if (string.IsNullOrEmpty(value))
        {
            return [Nil];
        }

        int length = Math.Min(value.Length, maxLength);
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            char c = value[i];
            bytes[i] = c is >= '!' and <= '~' && alsoReplace.IndexOf(c) < 0 ? (byte)c : (byte)'_';
        }

        return bytes;
    }

    /// <summary>MSGID from a logger category: the text after the last '.', at most 32 characters.</summary>
    public static byte[] ToMessageId(string? sourceContext)
    {
        if (string.IsNullOrEmpty(sourceContext))
        {
            return [Nil];
        }

        int dot = sourceContext.LastIndexOf('.');
        string last = dot >= 0 ? sourceContext[(dot + 1)..] : sourceContext;
        return ToHeaderField(last, 32);
    }

    /// <summary>True when <paramref name="c"/> may appear in an RFC 5424 SD-NAME.</summary>
    public static bool IsSdNameChar(char c) => c is >= '!' and <= '~' and not '=' and not ']' and not '"';

    /// <summary>Writes <paramref name="name"/> as an SD-NAME: invalid characters become '_', at most 32 characters.</summary>
    public static bool TryWriteSdName(ref Utf8SpanWriter writer, string name)
    {
        if (name.Length == 0)
        {
            return writer.TryWrite((byte)'_');
        }

        int length = Math.Min(name.Length, 32);
        for (int i = 0; i < length; i++)
        {
            char c = name[i];
            if (!writer.TryWrite(IsSdNameChar(c) ? (byte)c : (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="value"/> as an SD PARAM-VALUE body: UTF-8 with '"', '\' and ']' escaped by '\'.</summary>
    public static bool TryWriteSdValue(ref Utf8SpanWriter writer, ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            int special = value.IndexOfAny('"', '\\', ']');
            ReadOnlySpan<char> run = special < 0 ? value : value[..special];
            if (!writer.TryWriteUtf8(run))
            {
                return false;
            }

            if (special < 0)
            {
                return true;
            }

            if (!writer.TryWrite((byte)'\\') || !writer.TryWrite((byte)value[special]))
            {
                return false;
            }

            value = value[(special + 1)..];
        }

        return true;
    }

    /// <summary>UTF-8 bytes of an ASCII decimal number.</summary>
    public static byte[] ToAsciiNumber(int value) => Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
