using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// RFC 3164 (BSD) lines in local time with C-locale month names and a space-padded day:
/// network form <c>&lt;PRI&gt;Mmm dd HH:mm:ss HOSTNAME TAG[PID]: MSG</c>; local form (for <c>/dev/log</c>,
/// as glibc's <c>syslog(3)</c> writes it) <c>&lt;PRI&gt;Mmm dd HH:mm:ss TAG[PID]: MSG</c> — journald expects
/// <c>ident[pid]:</c> right after the date, a hostname there would become SYSLOG_IDENTIFIER.
/// </summary>
public sealed class Rfc3164Formatter : SyslogFormatter
{
    private static readonly byte[][] MonthNames =
    [
        "Jan"u8.ToArray(), "Feb"u8.ToArray(), "Mar"u8.ToArray(), "Apr"u8.ToArray(),
        "May"u8.ToArray(), "Jun"u8.ToArray(), "Jul"u8.ToArray(), "Aug"u8.ToArray(),
        "Sep"u8.ToArray(), "Oct"u8.ToArray(), "Nov"u8.ToArray(), "Dec"u8.ToArray(),
    ];

    private readonly byte[] _tag;

    /// <summary>Creates a formatter; <paramref name="local"/> leaves out HOSTNAME (the <c>/dev/log</c> form).</summary>
    public Rfc3164Formatter(SyslogSinkOptions options, bool local)
        : base(options)
    {
        // '[', ']' and ':' would end the tag early for parsers such as journald's.
        _tag = SyslogFieldText.ToHeaderField(options.AppName, 48, alsoReplace: "[]:");
        IsLocal = local;
    }

    /// <summary>True for the hostname-less local form.</summary>
    public bool IsLocal { get; }

    /// <inheritdoc />
    public override int Format(LogEvent logEvent, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var writer = new Utf8SpanWriter(destination[..Math.Min(destination.Length, MaxMessageBytes)]);

        WritePriority(ref writer, Priority(logEvent.Level));

        DateTime local = LocalTimestamp(logEvent).DateTime;
        writer.TryWrite(MonthNames[local.Month - 1]);
        writer.TryWrite((byte)' ');
        writer.TryWriteTwoDigits(local.Day, pad: (byte)' ');
        writer.TryWrite((byte)' ');
        writer.TryWriteTwoDigits(local.Hour);
        writer.TryWrite((byte)':');
        writer.TryWriteTwoDigits(local.Minute);
        writer.TryWrite((byte)':');
        writer.TryWriteTwoDigits(local.Second);
        writer.TryWrite((byte)' ');

        if (!IsLocal)
        {
            writer.TryWrite(HostnameBytes);
            writer.TryWrite((byte)' ');
        }

        writer.TryWrite(_tag);
        writer.TryWrite((byte)'[');
        writer.TryWrite(ProcessIdBytes);
        writer.TryWrite("]: "u8);

        writer.WriteUtf8Truncating(RenderMessage(logEvent));
        return writer.Position;
    }
}
