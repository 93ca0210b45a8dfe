using System.Globalization;

namespace Gateway.Sip;

/// <summary>
/// The Date header (RFC 3261 §20.17): an RFC 1123 date in GMT only,
/// <c>wkday "," SP date1 SP time SP "GMT"</c>, e.g. <c>Sat, 13 Nov 2010 23:29:00 GMT</c>.
/// </summary>
public static class DateHeader
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Parses the value.</summary>
    /// <returns>
    /// False for anything but the fixed RFC 1123 layout in GMT (RFC 4475 baddate: <c>EST</c> is invalid), for names in
    /// the wrong case (the format is case-sensitive) and for impossible dates. The weekday is not checked against the
    /// date: it carries no information, and a wrong one does not make the time ambiguous.
    /// </returns>
    public static bool TryParse(ReadOnlySpan<byte> value, out DateTimeOffset date)
    {
        date = default;
        ReadOnlySpan<byte> s = SipSyntax.TrimLinearWhitespace(value);

        // "Sat, 13 Nov 2010 23:29:00 GMT" is always 29 bytes.
        if (s.Length != 29 || IndexOf(Weekdays, s[..3]) < 0 || s[3] != (byte)',' || s[4] != (byte)' '
            || s[7] != (byte)' ' || s[11] != (byte)' ' || s[16] != (byte)' ' || s[19] != (byte)':' || s[22] != (byte)':'
            || !s[25..].SequenceEqual(" GMT"u8))
        {
            return false;
        }

        int month = IndexOf(Months, s[8..11]) + 1;
        if (month == 0
            || !TryDigits(s[5..7], out int day) || !TryDigits(s[12..16], out int year)
            || !TryDigits(s[17..19], out int hour) || !TryDigits(s[20..22], out int minute) || !TryDigits(s[23..25], out int second)
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    /// <summary>Formats a Date value in GMT: <c>Sat, 13 Nov 2010 23:29:00 GMT</c>.</summary>
    public static string Format(DateTimeOffset date) => date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    private static int IndexOf(string[] names, ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (text[0] == names[i][0] && text[1] == names[i][1] && text[2] == names[i][2])
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            if (!SipCharacters.IsDigit(b))
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }
}
