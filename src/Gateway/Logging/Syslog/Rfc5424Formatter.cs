using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// RFC 5424 lines: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [gw@32473 k="v" ...] MSG</c>.
/// TIMESTAMP is UTC with microseconds (<c>2024-03-05T07:08:09.123456Z</c>). The structured-data element
/// holds the event's scalar properties (names sanitised to SD-NAME, values escaped) or is <c>-</c>;
/// it may use at most half of the space left after the header, properties that do not fit are left out
/// whole. MSG is UTF-8 without BOM, one line, cut on a character boundary to fit the size cap.
/// </summary>
public sealed class Rfc5424Formatter : SyslogFormatter
{
    /// <summary>SD-ID of the element carrying event properties (PEN 32473 is reserved for documentation, RFC 5612).</summary>
    public const string StructuredDataId = "gw@32473";

    private static readonly byte[] SdIdBytes = "[gw@32473"u8.ToArray();

    private readonly byte[] _appName;
    private readonly PooledTextWriter _value;

    /// <summary>Creates a formatter for <paramref name="options"/>.</summary>
    public Rfc5424Formatter(SyslogSinkOptions options)
        : base(options)
    {
        _appName = SyslogFieldText.ToHeaderField(options.AppName, 48);
        _value = new PooledTextWriter(128, MaxMessageBytes);
    }

    /// <inheritdoc />
    public override int Format(LogEvent logEvent, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var writer = new Utf8SpanWriter(destination[..Math.Min(destination.Length, MaxMessageBytes)]);

        // HEADER: fields are bounded (PRI 5, time 27, host 255, app 48, pid 11, msgid 32) and fit in the 480-byte minimum.
        WritePriority(ref writer, Priority(logEvent.Level));
        writer.TryWrite("1 "u8);
        writer.TryWriteFormatted(Timestamp(logEvent).UtcDateTime, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");
        writer.TryWrite((byte)' ');
        writer.TryWrite(HostnameBytes);
        writer.TryWrite((byte)' ');
        writer.TryWrite(_appName);
        writer.TryWrite((byte)' ');
        writer.TryWrite(ProcessIdBytes);
        writer.TryWrite((byte)' ');
        writer.TryWrite(MessageId(logEvent));
        writer.TryWrite((byte)' ');

        WriteStructuredData(logEvent, ref writer);

        ReadOnlySpan<char> message = RenderMessage(logEvent);
        if (!message.IsEmpty && writer.TryWrite((byte)' '))
        {
            writer.WriteUtf8Truncating(message);
        }

        return writer.Position;
    }

    private void WriteStructuredData(LogEvent logEvent, ref Utf8SpanWriter writer)
    {
        int start = writer.Position;

        // Keep at least half of what is left for MSG; reserve one byte for the closing ']'.
        int limit = start + ((writer.Capacity - start) / 2) - 1;
        int written = 0;
        if (writer.TryWrite(SdIdBytes))
        {
            if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> dictionary)
            {
                foreach (KeyValuePair<string, LogEventPropertyValue> property in dictionary) // struct enumerator
                {
                    WriteParam(ref writer, property, limit, ref written);
                }
            }
            else
            {
                foreach (KeyValuePair<string, LogEventPropertyValue> property in logEvent.Properties)
                {
                    WriteParam(ref writer, property, limit, ref written);
                }
            }
        }

        if (written > 0 && writer.TryWrite((byte)']'))
        {
            return;
        }

        writer.Position = start;
        writer.TryWrite(SyslogFieldText.Nil);
    }

    /// <summary>Writes one scalar property as an SD-PARAM, or nothing if it does not fit under <paramref name="limit"/>.</summary>
    private void WriteParam(ref Utf8SpanWriter writer, KeyValuePair<string, LogEventPropertyValue> property, int limit, ref int written)
    {
        if (property.Value is not ScalarValue scalar)
        {
            return;
        }

        int mark = writer.Position;
        if (TryWriteParam(ref writer, property.Key, scalar) && writer.Position <= limit)
        {
            written++;
        }
        else
        {
            writer.Position = mark;
        }
    }

    private bool TryWriteParam(ref Utf8SpanWriter writer, string name, ScalarValue scalar)
    {
        _value.Clear();
        MessageRenderer.RenderScalar(scalar.Value, null, _value);
        Span<char> value = _value.WrittenSpan;
        if (_value.Truncated)
        {
            return false; // longer than the whole message budget: leave it out rather than cut it silently
        }

        LogEventText.FlattenNewlines(value);
        return writer.TryWrite((byte)' ')
            && SyslogFieldText.TryWriteSdName(ref writer, name)
            && writer.TryWrite("=\""u8)
            && SyslogFieldText.TryWriteSdValue(ref writer, value)
            && writer.TryWrite((byte)'"');
    }
}
