using System.Text;

namespace Gateway.Tests.Logging;

/// <summary>
/// Test-side checker for RFC 5424 section 6 (SYSLOG-MSG ABNF), plus our own rules: MSG is valid
/// UTF-8 without BOM and the line has no CR or LF. Returns null when valid, else the reason.
/// </summary>
internal static class Rfc5424Validator
{
    public static string? Validate(ReadOnlySpan<byte> line)
    {
        int i = 0;
        try
        {
            // PRI
            Expect(line, ref i, (byte)'<');
            int pri = Digits(line, ref i, 1, 3);
            if (pri > 191)
            {
                return $"PRIVAL {pri} > 191";
            }

            Expect(line, ref i, (byte)'>');

            // VERSION = NONZERO-DIGIT 0*2DIGIT
            if (i >= line.Length || line[i] is < (byte)'1' or > (byte)'9')
            {
                return "VERSION must start with a non-zero digit";
            }

            Digits(line, ref i, 1, 3);
            Expect(line, ref i, (byte)' ');

            Timestamp(line, ref i);
            Expect(line, ref i, (byte)' ');
            PrintUsAscii(line, ref i, 255, "HOSTNAME");
            Expect(line, ref i, (byte)' ');
            PrintUsAscii(line, ref i, 48, "APP-NAME");
            Expect(line, ref i, (byte)' ');
            PrintUsAscii(line, ref i, 128, "PROCID");
            Expect(line, ref i, (byte)' ');
            PrintUsAscii(line, ref i, 32, "MSGID");
            Expect(line, ref i, (byte)' ');

            StructuredData(line, ref i);

            if (i < line.Length)
            {
                Expect(line, ref i, (byte)' ');
                ReadOnlySpan<byte> msg = line[i..];
                if (msg.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
                {
                    return "MSG starts with a BOM";
                }

                _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(msg);
            }

            if (line.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                return "line contains CR or LF";
            }

            return null;
        }
        catch (FormatException ex)
        {
            return $"at byte {i}: {ex.Message}";
        }
        catch (DecoderFallbackException ex)
        {
            return "MSG is not valid UTF-8: " + ex.Message;
        }
    }

    private static void Expect(ReadOnlySpan<byte> line, ref int i, byte expected)
    {
        if (i >= line.Length || line[i] != expected)
        {
            throw new FormatException($"expected '{(char)expected}'");
        }

        i++;
    }

    private static int Digits(ReadOnlySpan<byte> line, ref int i, int min, int max)
    {
        int value = 0;
        int count = 0;
        while (i < line.Length && count < max && line[i] is >= (byte)'0' and <= (byte)'9')
        {
            value = (value * 10) + (line[i] - '0');
            i++;
            count++;
        }

        if (count < min)
        {
            throw new FormatException($"expected at least {min} digit(s)");
        }

        return value;
    }

    private static void Timestamp(ReadOnlySpan<byte> line, ref int i)
    {
        if (i < line.Length && line[i] == '-')
        {
            i++;
            return;
        }

        ExactDigits(line, ref i, 4);
        Expect(line, ref i, (byte)'-');
        int month = ExactDigits(line, ref i, 2);
        Expect(line, ref i, (byte)'-');
        int day = ExactDigits(line, ref i, 2);
        Expect(line, ref i, (byte)'T');
        int hour = ExactDigits(line, ref i, 2);
        Expect(line, ref i, (byte)':');
        int minute = ExactDigits(line, ref i, 2);
        Expect(line, ref i, (byte)':');
        int second = ExactDigits(line, ref i, 2);
        if (month is < 1 or > 12 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 59)
        {
            throw new FormatException("date/time field out of range");
        }

        if (i < line.Length && line[i] == '.')
        {
            i++;
            Digits(line, ref i, 1, 6);
            if (i < line.Length && line[i] is >= (byte)'0' and <= (byte)'9')
            {
                throw new FormatException("TIME-SECFRAC longer than 6 digits");
            }
        }

        if (i < line.Length && line[i] == 'Z')
        {
            i++;
            return;
        }

        if (i >= line.Length || line[i] is not ((byte)'+' or (byte)'-'))
        {
            throw new FormatException("expected TIME-OFFSET");
        }

        i++;
        ExactDigits(line, ref i, 2);
        Expect(line, ref i, (byte)':');
        ExactDigits(line, ref i, 2);
    }

    private static int ExactDigits(ReadOnlySpan<byte> line, ref int i, int count)
    {
        int start = i;
        int value = Digits(line, ref i, count, count);
        if (i - start != count)
        {
            throw new FormatException($"expected {count} digits");
        }

        return value;
    }

    private static void PrintUsAscii(ReadOnlySpan<byte> line, ref int i, int max, string field)
    {
        int start = i;
        while (i < line.Length && line[i] is >= 33 and <= 126)
        {
            i++;
        }

        int length = i - start;
        if (length == 0 || length > max)
        {
            throw new FormatException($"{field} must be 1..{max} PRINTUSASCII, got {length}");
        }
    }

    private static void SdName(ReadOnlySpan<byte> line, ref int i, string what)
    {
        int start = i;
        while (i < line.Length && line[i] is >= 33 and <= 126 and not (byte)'=' and not (byte)']' and not (byte)'"')
        {
            i++;
        }

        int length = i - start;
        if (length is 0 or > 32)
        {
            throw new FormatException($"{what} must be 1..32 SD-NAME characters, got {length}");
        }
    }

    private static void StructuredData(ReadOnlySpan<byte> line, ref int i)
    {
        if (i < line.Length && line[i] == '-')
        {
            i++;
            return;
        }

        int elements = 0;
        while (i < line.Length && line[i] == '[')
        {
            i++;
            SdName(line, ref i, "SD-ID");
            while (i < line.Length && line[i] == ' ')
            {
                i++;
                SdName(line, ref i, "PARAM-NAME");
                Expect(line, ref i, (byte)'=');
                Expect(line, ref i, (byte)'"');
                int valueStart = i;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException("unterminated PARAM-VALUE");
                    }

                    byte b = line[i];
                    if (b == '"')
                    {
                        break;
                    }

                    if (b == ']')
                    {
                        throw new FormatException("unescaped ']' in PARAM-VALUE");
                    }

                    if (b == '\\')
                    {
                        if (i + 1 >= line.Length || line[i + 1] is not ((byte)'"' or (byte)'\\' or (byte)']'))
                        {
                            throw new FormatException("backslash not followed by '\"', '\\' or ']'");
                        }

                        i += 2;
                        continue;
                    }

                    i++;
                }

                _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line[valueStart..i]);
                i++; // closing quote
            }

            Expect(line, ref i, (byte)']');
            elements++;
        }

        if (elements == 0)
        {
            throw new FormatException("STRUCTURED-DATA must be '-' or SD-ELEMENTs");
        }
    }
}
